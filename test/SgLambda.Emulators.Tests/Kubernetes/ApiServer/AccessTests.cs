using System.Net;
using System.Security.Cryptography.X509Certificates;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Bearer tokens, TLS with the emulator's own CA, discovery and kubeconfig.</summary>
public class AccessTests : EmulatorTest
{
    private protected override KubernetesApiEmulatorOptions Options => base.Options with { BearerToken = "s3cret", UseTls = true };

    private HttpClientHandler TrustingEmulatorCa()
    {
        var authority = X509Certificate2.CreateFromPem(Emulator.CertificateAuthorityPem);
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) =>
            {
                if (certificate is null || chain is null) return false;
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == 0 && chain.Build(certificate);
            },
        };
    }

    [Test]
    public async Task Requests_without_the_token_are_Unauthorized()
    {
        using var handler = TrustingEmulatorCa();
        using var client = new EmulatorClient(Emulator.BaseUrl, handler);
        var anonymous = await client.GetAsync(Path(V1, "tiers"));
        Assert.That(anonymous.Code, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Text("reason"), Is.EqualTo("Unauthorized"));
        client.BearerToken = "s3cret";
        Assert.That((await client.GetAsync(Path(V1, "tiers"))).Code, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_emulator_serves_HTTPS_with_a_certificate_its_CA_signs()
    {
        Assert.That(Emulator.BaseUrl.Scheme, Is.EqualTo("https"));
        using var handler = TrustingEmulatorCa();
        using var client = new EmulatorClient(Emulator.BaseUrl, handler) { BearerToken = "s3cret" };
        var version = await client.GetAsync("/version");
        Assert.That(version.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(version.Text("major"), Is.EqualTo("1"));
    }

    [Test]
    public async Task Discovery_lists_the_Calico_groups_and_their_resources()
    {
        using var handler = TrustingEmulatorCa();
        using var client = new EmulatorClient(Emulator.BaseUrl, handler) { BearerToken = "s3cret" };
        var groups = await client.GetAsync("/apis");
        Assert.That(groups.Body["groups"]!.AsArray().Select(group => group!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "admissionregistration.k8s.io", "apiextensions.k8s.io", "authorization.k8s.io", "crd.projectcalico.org", "networking.k8s.io", "projectcalico.org" }));
        var resources = await client.GetAsync("/apis/projectcalico.org/v3");
        Assert.That(resources.Text("groupVersion"), Is.EqualTo("projectcalico.org/v3"));
        Assert.That(resources.Body["resources"]!.AsArray().Select(resource => resource!["name"]!.GetValue<string>()), Does.Contain("tiers"));
    }

    [Test]
    public void The_kubeconfig_names_the_server_its_CA_and_the_token()
    {
        var kubeconfig = Emulator.KubeconfigYaml();
        Assert.That(kubeconfig, Does.Contain($"server: https://127.0.0.1:{Emulator.BaseUrl.Port}\n"));
        Assert.That(kubeconfig, Does.Contain("certificate-authority-data: "));
        Assert.That(kubeconfig, Does.Contain("token: s3cret\n"));
        Assert.That(kubeconfig, Does.Contain("current-context: sglambda-emulator\n"));
    }
}
