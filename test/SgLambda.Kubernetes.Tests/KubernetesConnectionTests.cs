using System.Net;
using System.Text;
using k8s;
using SgLambda.Core.Calico;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Kubernetes.Tests.Calico;

namespace SgLambda.Kubernetes.Tests;

/// <summary>The adapter's connection: from a kubeconfig (with a context), endpoint + CA + token, endpoint + CA + token source.</summary>
public class KubernetesConnectionTests
{
    private static readonly RetryPolicy NoWaits = new(3, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.Zero);

    private static Task<KubernetesApiEmulator> StartSecuredAsync() =>
        KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, BearerToken = "s3cret", UseTls = true });

    private static KubernetesCalicoStore StoreOn(KubernetesHttpApi client) =>
        new(client, new KubernetesStoreOptions { ApiGroup = V3, Retry = NoWaits });

    [Test]
    public async Task A_kubeconfig_file_and_context_reach_the_cluster_over_TLS()
    {
        await using var emulator = await StartSecuredAsync();
        var path = Path.Combine(Path.GetTempPath(), $"sglambda-test-{Guid.NewGuid():N}.kubeconfig");
        try
        {
            await emulator.WriteKubeconfigAsync(path, "emulator-context");
            using var client = KubeconfigConnection.Open(path, "emulator-context");
            await StoreOn(client).ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);
            Assert.That(emulator.Get(V3, "Tier", null, "sg-local"), Is.Not.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task An_endpoint_with_its_CA_bundle_and_a_bearer_token()
    {
        await using var emulator = await StartSecuredAsync();
        using var client = new KubernetesHttpApi(emulator.BaseUrl, emulator.CertificateAuthorityPem, new StaticTokenSource("s3cret"));
        await StoreOn(client).ApplyAsync(Tier(V3, "sg-remote", 105), CancellationToken.None);
        Assert.That(emulator.Get(V3, "Tier", null, "sg-remote"), Is.Not.Null);
    }

    [Test]
    public async Task The_CA_bundle_may_be_base64_as_EKS_gives_it()
    {
        await using var emulator = await StartSecuredAsync();
        var base64 = Convert.ToBase64String(Encoding.ASCII.GetBytes(emulator.CertificateAuthorityPem!));
        using var client = new KubernetesHttpApi(emulator.BaseUrl, base64, new StaticTokenSource("s3cret"));
        var listed = await StoreOn(client).ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None);
        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task A_token_source_is_asked_for_each_request()
    {
        await using var emulator = await StartSecuredAsync();
        var tokens = new CountingTokens("s3cret");
        using var client = new KubernetesHttpApi(emulator.BaseUrl, emulator.CertificateAuthorityPem, tokens);
        var store = StoreOn(client);
        await store.ApplyAsync(Tier(V3, "metadata", 107), CancellationToken.None);
        await store.ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None);
        Assert.That(tokens.Asked, Is.EqualTo(2));
    }

    [Test]
    public async Task A_wrong_token_is_Unauthorized_at_once()
    {
        await using var emulator = await StartSecuredAsync();
        using var client = new KubernetesHttpApi(emulator.BaseUrl, emulator.CertificateAuthorityPem, new StaticTokenSource("wrong"));
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await StoreOn(client).ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(emulator.Requests.Total, Is.EqualTo(0), "refused before it reached a resource");
    }

    [Test]
    public async Task A_server_the_CA_did_not_sign_is_not_trusted()
    {
        await using var emulator = await StartSecuredAsync();
        await using var other = await StartSecuredAsync();
        using var client = new KubernetesHttpApi(emulator.BaseUrl, other.CertificateAuthorityPem, new StaticTokenSource("s3cret"));
        Assert.That(async () => await StoreOn(client).ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None),
            Throws.TypeOf<KubernetesRequestException>().With.Property(nameof(KubernetesRequestException.StatusCode)).Null);
    }

    [Test]
    public async Task A_kubeconfig_without_a_CA_trusts_the_systems_authorities_only()
    {
        await using var emulator = await StartSecuredAsync();
        // Opening it is not an error (a server with a publicly trusted certificate needs no CA in the kubeconfig) ...
        using var client = KubeconfigConnection.Open(new KubernetesClientConfiguration { Host = emulator.BaseUrl.ToString(), AccessToken = "s3cret" });
        // ... but the emulator's own CA is in no system store, so its certificate is refused.
        Assert.That(async () => await StoreOn(client).ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None),
            Throws.TypeOf<KubernetesRequestException>().With.Property(nameof(KubernetesRequestException.StatusCode)).Null);
    }

    [Test]
    public async Task A_kubeconfig_that_skips_TLS_verification_reaches_the_cluster()
    {
        await using var emulator = await StartSecuredAsync();
        using var client = KubeconfigConnection.Open(new KubernetesClientConfiguration { Host = emulator.BaseUrl.ToString(), AccessToken = "s3cret", SkipTlsVerify = true });
        var listed = await StoreOn(client).ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None);
        Assert.That(listed, Is.Empty);
    }

    private sealed class CountingTokens(string token) : ITokenSource
    {
        public int Asked { get; private set; }

        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            Asked++;
            return ValueTask.FromResult(token);
        }
    }
}
