using System.CommandLine;
using SgLambda.Aws;
using SgLambda.Composition;
using SgLambda.Core.Input;
using SgLambda.Core.Sync;
using SgLambda.Kubernetes;

namespace SgLambda.Cli.Tests;

/// <summary>
/// replay, reconcile and doctor choose their sources from the options through <see cref="CliSources"/> and the
/// composition root: each side live or a snapshot on its own, companions always, trust SG writes only when both are live.
/// </summary>
[NonParallelizable]
public sealed class CliSourcesTests
{
    // Live AWS clients resolve credentials when they are made (AWS SDK v4): the tests give them, as a shell would.
    private static readonly string[] CredentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];
    private readonly Dictionary<string, string?> _savedVariables = [];
    private string _directory = "";
    private string _cluster = "";
    private string _kubeconfig = "";

    [SetUp]
    public void SetUp()
    {
        foreach (var name in CredentialVariables) _savedVariables[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
        _directory = Directory.CreateTempSubdirectory("sglambda-sources-").FullName;
        _cluster = Path.Combine(_directory, "cluster.json");
        File.WriteAllText(_cluster, """{"apiVersion": "v1", "kind": "List", "items": []}""");
        // A cluster nobody listens at: composing makes clients, it never calls them.
        _kubeconfig = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(_kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: nowhere
              cluster:
                server: https://127.0.0.1:9
            users:
            - name: someone
              user:
                token: not-a-token
            contexts:
            - name: nowhere
              context:
                cluster: nowhere
                user: someone
            current-context: nowhere
            """);
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var (name, value) in _savedVariables) Environment.SetEnvironmentVariable(name, value);
        Directory.Delete(_directory, recursive: true);
    }

    private static (SyncTarget Target, Composed Sources) Open(params string[] args)
    {
        var options = new SyncOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var target = options.Open(command.Parse(args));
        return (target, target.Sources);
    }

    private static string TutorialConfig => Path.Combine(RepositoryPaths.Tutorial, "config.json");

    [Test]
    public void Both_snapshots_are_offline_and_never_attach_trust_SGs()
    {
        var (target, sources) = Open("--aws-snapshot", RepositoryPaths.Tutorial, "--cluster-snapshot", _cluster);

        Assert.That(sources.Aws.IsLive, Is.False);
        Assert.That(sources.Cluster.IsLive, Is.False);
        Assert.That(sources.Cluster.Snapshot, Is.Not.Null);
        Assert.That(sources.Nodes, Is.SameAs(sources.Aws.SnapshotNodes), "the snapshot folder's nodes.json");
        Assert.That(target.Engine.Options.TrustSecurityGroups, Is.SameAs(TrustSecurityGroupWrites.ReadOnly));
        Assert.That(target.Engine.Options.Companions.Source, Is.SameAs(sources.Cluster.Snapshot!.NetworkPolicies));
    }

    [Test]
    public void Live_AWS_with_a_cluster_snapshot_reads_the_account_but_writes_no_trust_SG()
    {
        var (target, sources) = Open("--config", TutorialConfig, "--region", "us-west-2", "--cluster-snapshot", _cluster);

        Assert.That(sources.Aws.IsLive, Is.True);
        Assert.That(sources.Aws.Region, Is.EqualTo("us-west-2"));
        Assert.That(sources.Cluster.IsLive, Is.False);
        Assert.That(sources.BothLive, Is.False);
        Assert.That(sources.Nodes.GetType().Name, Is.EqualTo("NoNodes"), "a cluster snapshot has no Node list");
        Assert.That(target.Engine.Options.TrustSecurityGroups, Is.SameAs(TrustSecurityGroupWrites.ReadOnly));
    }

    [Test]
    public void Both_live_read_the_kubeconfig_cluster_and_write_trust_SGs()
    {
        var (target, sources) = Open("--config", TutorialConfig, "--region", "us-west-2", "--kubeconfig", _kubeconfig);

        Assert.That(sources.BothLive, Is.True);
        Assert.That(sources.Cluster.Client, Is.Not.Null);
        Assert.That(sources.Cluster.Store, Is.InstanceOf<KubernetesCalicoStore>());
        Assert.That(sources.Nodes, Is.InstanceOf<KubernetesNodeReader>(), "a live cluster knows its Nodes better than nodes.json");
        Assert.That(target.Engine.Options.TrustSecurityGroups.Writer, Is.InstanceOf<AwsSecurityGroupWriter>());
        Assert.That(target.Engine.Options.Companions.Source, Is.InstanceOf<KubernetesNetworkPolicyReader>());
    }

    [Test]
    public void A_snapshot_folder_with_a_live_cluster_takes_the_clusters_Nodes()
    {
        var (target, sources) = Open("--aws-snapshot", RepositoryPaths.Tutorial, "--kubeconfig", _kubeconfig);

        Assert.That(sources.Aws.IsLive, Is.False);
        Assert.That(sources.Cluster.IsLive, Is.True);
        Assert.That(sources.Nodes, Is.InstanceOf<KubernetesNodeReader>());
        Assert.That(target.Engine.Options.TrustSecurityGroups, Is.SameAs(TrustSecurityGroupWrites.ReadOnly));
    }

    [Test]
    public void Live_AWS_needs_a_config_and_a_missing_kubeconfig_names_the_offline_option()
    {
        var noConfig = Assert.Throws<InputException>(() => Open("--cluster-snapshot", _cluster));
        Assert.That(noConfig!.Message, Does.Contain("--config"));

        var noKubeconfig = Assert.Throws<InputException>(() => Open("--aws-snapshot", RepositoryPaths.Tutorial, "--kubeconfig", Path.Combine(_directory, "missing")));
        Assert.That(noKubeconfig!.Message, Does.Contain("--cluster-snapshot to plan offline"));
    }
}
