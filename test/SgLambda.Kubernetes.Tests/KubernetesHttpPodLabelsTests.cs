using SgLambda.Core.Configuration;
using SgLambda.Core.Sync;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// The reconciler's relabelling against the API emulator: pods listed page by page, and only the pod that lacks
/// its SG labels gets the UPDATE (an empty merge patch) that the admission webhook answers.
/// </summary>
public sealed class KubernetesHttpPodLabelsTests
{
    private const string Token = "sglambda-test-token";
    private const string Node = "sg-0c5e1a7b3d9f24681";
    private const string PodDefault = "sg-0e7a3c9d5f1b46803";

    [Test]
    public async Task Only_pods_that_lack_their_labels_are_sent_an_update()
    {
        await using var emulator = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, BearerToken = Token, UseTls = true });
        using var api = new KubernetesHttpApi(emulator.BaseUrl, emulator.CertificateAuthorityPem, new StaticTokenSource(Token));
        emulator.Seed(PodJson("apps", "started-before-sglambda", ""));
        emulator.Seed(PodJson("apps", "admitted", $"\"sg.aws.tigera.io/{Node}\":\"\",\"sg.aws.tigera.io/{PodDefault}\":\"\""));
        emulator.Seed(PodJson("kube-system", "coredns", ""));
        var config = new SgLambdaConfig { VpcId = "vpc-1", PodSecurityGroupId = PodDefault, NodeSecurityGroupIds = [Node] };
        emulator.Requests.Reset();

        var (relabelled, warnings) = await new PodRelabeler(new KubernetesHttpPodLabels(api, pageSize: 2), config).RelabelAsync(CancellationToken.None);

        Assert.That(relabelled, Is.EqualTo(new[] { "apps/started-before-sglambda" }));
        Assert.That(warnings, Is.Empty);
        Assert.That(emulator.Requests.Count("patch", "pods"), Is.EqualTo(1));
    }

    private static string PodJson(string ns, string name, string sgLabels)
    {
        var labels = "\"app\":\"web\"" + (sgLabels.Length > 0 ? "," + sgLabels : "");
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\",\"labels\":{" + labels
            + "}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}}";
    }
}
