using System.Globalization;
using SgLambda.Aws;
using SgLambda.Composition.Offline;
using SgLambda.Functions.Offline;
using SgLambda.Kubernetes;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The functions' choice of sources: live (EC2, RDS, the cluster's API through the HTTP adapter) unless the offline
/// variables name snapshots; both ways with companions, trust SGs written (offline: logged), through the composition root.
/// </summary>
[NonParallelizable]
public sealed class FunctionSourcesTests
{
    // Live AWS clients resolve credentials when they are made (AWS SDK v4): the tests give them, as Lambda does.
    private static readonly string[] CredentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];
    private readonly Dictionary<string, string?> _savedVariables = [];
    private string _cluster = "";
    private StringWriter _log = null!;

    [SetUp]
    public void EmptyCluster()
    {
        foreach (var name in CredentialVariables) _savedVariables[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
        _cluster = Path.Combine(Path.GetTempPath(), $"sglambda-sources-{Guid.NewGuid():N}.json");
        File.WriteAllText(_cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
        _log = new StringWriter(CultureInfo.InvariantCulture);
    }

    [TearDown]
    public void RemoveCluster()
    {
        foreach (var (name, value) in _savedVariables) Environment.SetEnvironmentVariable(name, value);
        File.Delete(_cluster);
        _log.Dispose();
    }

    [Test]
    public void Live_the_functions_use_the_HTTP_adapter_and_the_AWS_writer()
    {
        var settings = new FunctionSettings
        {
            Config = AwsSnapshotFolder.Read(RepositoryFiles.Tutorial).Config,
            ClusterName = "sglambda-tutorial",
            Region = "us-west-2",
            // Nobody listens: composing builds clients, it never calls them.
            ClusterEndpoint = new Uri("https://127.0.0.1:9"),
            ClusterToken = "static",
        };

        var composition = FunctionComposition.Compose(settings, _ => null, _log, TimeProvider.System);

        Assert.That(composition.Engine.Options.Companions.Source, Is.InstanceOf<KubernetesNetworkPolicyReader>());
        Assert.That(composition.Engine.Options.TrustSecurityGroups.Writer, Is.InstanceOf<AwsSecurityGroupWriter>());
        Assert.That(composition.Pods, Is.InstanceOf<KubernetesHttpPodLabels>());
        Assert.That(composition.Namespaces, Is.InstanceOf<KubernetesHttpNamespaceReader>());
        Assert.That(composition.EventQueue, Is.Null);
    }

    [Test]
    public void Offline_the_snapshots_stand_in_and_trust_SGs_are_only_logged()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentVariables.OfflineAwsSnapshot] = RepositoryFiles.Tutorial,
            [EnvironmentVariables.OfflineClusterSnapshot] = _cluster,
        };

        var composition = OfflineComposition.Read(name => environment.GetValueOrDefault(name), _log, TimeProvider.System);

        Assert.That(composition.Engine.Options.Companions.Source, Is.Not.Null, "the snapshot's NetworkPolicies get companions");
        Assert.That(composition.Engine.Options.TrustSecurityGroups.Writer, Is.InstanceOf<OfflineTrustWriter>());
        Assert.That(composition.Pods, Is.Null);
        Assert.That(composition.Namespaces, Is.Null);
    }
}
