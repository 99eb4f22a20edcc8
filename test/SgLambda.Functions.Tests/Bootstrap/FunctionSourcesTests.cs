using System.Globalization;
using SgLambda.Functions.Offline;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The functions' choice of sources: live (EC2, RDS, the cluster's API through the HTTP adapter) unless the offline
/// variables name snapshots; both ways with companions, trust SGs written (offline: logged), through the composition root.
/// </summary>
public sealed class FunctionSourcesTests
{
    private string cluster = "";
    private StringWriter log = null!;

    [SetUp]
    public void EmptyCluster()
    {
        cluster = Path.Combine(Path.GetTempPath(), $"sglambda-sources-{Guid.NewGuid():N}.json");
        File.WriteAllText(cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
        log = new StringWriter(CultureInfo.InvariantCulture);
    }

    [TearDown]
    public void RemoveCluster()
    {
        File.Delete(cluster);
        log.Dispose();
    }

    [Test]
    public void Offline_the_snapshots_stand_in_and_trust_SGs_are_only_logged()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentVariables.OfflineAwsSnapshot] = RepositoryFiles.Tutorial,
            [EnvironmentVariables.OfflineClusterSnapshot] = cluster,
        };

        var composition = OfflineComposition.Read(name => environment.GetValueOrDefault(name), log, TimeProvider.System);

        Assert.That(composition.Engine.Options.Companions.Source, Is.Not.Null, "the snapshot's NetworkPolicies get companions");
        Assert.That(composition.Engine.Options.TrustSecurityGroups.Writer, Is.InstanceOf<OfflineTrustWriter>());
        Assert.That(composition.Pods, Is.Null);
        Assert.That(composition.Namespaces, Is.Null);
    }
}
