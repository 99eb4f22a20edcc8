using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Cli.Tests;

/// <summary>
/// <c>explain</c> against a live cluster (the Kubernetes API emulator through a kubeconfig) holding the
/// tutorial's objects, pod and default-deny NetworkPolicy, with the AWS side from the tutorial snapshot.
/// </summary>
public sealed class LiveExplainCommandTests
{
    private KubernetesApiEmulator _cluster = null!;
    private string _directory = "";
    private string _kubeconfig = "";

    private static string Fixtures => Path.Combine(RepositoryPaths.Root, "test", "SgLambda.Cli.Tests", "Explain");

    [SetUp]
    public async Task StartCluster()
    {
        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
        {
            CrdDirectory = CrdFolder.Root,
        });
        var rendered = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Golden, "tutorial.json")))!["items"]!.AsArray();
        foreach (var item in rendered) _cluster.Seed(item!.DeepClone().AsObject());
        _cluster.Seed("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"integration-demo","labels":{"kubernetes.io/metadata.name":"integration-demo"}}}""");
        var pods = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "pods.json")))!["items"]!.AsArray();
        _cluster.Seed(pods[0]!.DeepClone().AsObject());
        _directory = Directory.CreateTempSubdirectory("sglambda-explain-").FullName;
        _kubeconfig = await _cluster.WriteKubeconfigAsync(Path.Combine(_directory, "kubeconfig"));
    }

    [TearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private CliResult Explain(params string[] extra) =>
        CliResult.Run([
            "explain", "--from", "i-0e5f6a7b8c9d01234", "--to", "integration-demo/pod-tester", "--port", "80",
            "--aws-snapshot", RepositoryPaths.Tutorial, "--kubeconfig", _kubeconfig, "-o", "json", .. extra,
        ]);

    [Test]
    public void The_live_cluster_objects_and_pods_give_the_same_answer_as_the_snapshots()
    {
        var result = Explain();

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.That(report["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(report["calico"]!["ingress"]!["tiers"]![1]!["ruleId"]!.GetValue<string>(), Is.EqualTo("sgr-0ccbed4f94070367d"));
    }

    [Test]
    public void A_kubernetes_network_policy_in_the_live_cluster_is_evaluated()
    {
        _cluster.Seed("""
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",
             "metadata":{"name":"default-deny","namespace":"integration-demo"},
             "spec":{"podSelector":{},"policyTypes":["Ingress"]}}
            """);

        var result = Explain();

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.That(report["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(report["calico"]!["integrationTiersPass"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void A_missing_kubeconfig_is_named()
    {
        var result = CliResult.Run("explain", "--from", "10.0.1.25", "--to", "10.0.1.51", "--port", "80",
            "--aws-snapshot", RepositoryPaths.Tutorial, "--kubeconfig", Path.Combine(_directory, "nothing"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("no such kubeconfig"));
    }
}
