using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Offline;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>Offline mode: the tutorial's AWS snapshot and a cluster List file stand in for AWS and the cluster.</summary>
public sealed class OfflineCompositionTests
{
    private string _cluster = "";
    private StringWriter _log = null!;

    [SetUp]
    public void EmptyCluster()
    {
        _cluster = Path.Combine(Path.GetTempPath(), $"sglambda-offline-{Guid.NewGuid():N}.json");
        File.WriteAllText(_cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
        _log = new StringWriter(CultureInfo.InvariantCulture);
    }

    [TearDown]
    public void RemoveCluster()
    {
        File.Delete(_cluster);
        _log.Dispose();
    }

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        [EnvironmentVariables.OfflineAwsSnapshot] = RepositoryFiles.Tutorial,
        [EnvironmentVariables.OfflineClusterSnapshot] = _cluster,
    };

    private FunctionComposition Read(Dictionary<string, string> environment) =>
        OfflineComposition.Read(name => environment.GetValueOrDefault(name), _log, TimeProvider.System);

    [Test]
    public void Offline_mode_is_requested_by_either_variable()
    {
        Assert.That(OfflineComposition.IsRequested(_ => null), Is.False);
        Assert.That(OfflineComposition.IsRequested(name => name == EnvironmentVariables.OfflineClusterSnapshot ? _cluster : null), Is.True);
        Assert.That(OfflineComposition.IsRequested(name => name == EnvironmentVariables.OfflineAwsSnapshot ? RepositoryFiles.Tutorial : null), Is.True);
    }

    [Test]
    public async Task An_event_is_applied_to_the_cluster_file()
    {
        var handler = LambdaHandlers.Create("ChangeHandler", () => Read(Environment()));

        using var input = new MemoryStream(Encoding.UTF8.GetBytes(RepositoryFiles.Event("ec2-authorize-security-group-ingress.json")));
        using var output = await handler(input, new TestLambdaContext());

        Assert.That(JsonNode.Parse(output)!["status"]!.GetValue<string>(), Is.EqualTo("applied"));
        var names = JsonNode.Parse(File.ReadAllText(_cluster))!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>());
        Assert.That(names, Is.EquivalentTo(new[] { "sg-local.sg-98765432109876", "sg-remote.address-peers-8", "sg-remote.for-sg-12345678901234" }));
    }

    [Test]
    public void The_configuration_is_the_snapshot_folders_config_json()
    {
        var composition = Read(Environment());

        Assert.That(composition.Settings.Config.VpcId, Is.EqualTo("vpc-0a1b2c3d4e5f60718"));
        Assert.That(composition.Settings.ClusterName, Is.EqualTo("sglambda-tutorial"));
    }

    [TestCase(EnvironmentVariables.OfflineClusterSnapshot, null, "SGLAMBDA_OFFLINE_CLUSTER_SNAPSHOT: required in offline mode")]
    [TestCase(EnvironmentVariables.OfflineAwsSnapshot, null, "SGLAMBDA_OFFLINE_AWS_SNAPSHOT: required in offline mode")]
    [TestCase(EnvironmentVariables.OfflineAwsSnapshot, "/nonexistent/snapshot", "SGLAMBDA_OFFLINE_AWS_SNAPSHOT: /nonexistent/snapshot: no such directory")]
    [TestCase(EnvironmentVariables.OfflineClusterSnapshot, "/nonexistent/cluster.json", "SGLAMBDA_OFFLINE_CLUSTER_SNAPSHOT: /nonexistent/cluster.json: no such file")]
    [TestCase(EnvironmentVariables.LogLevel, "Loud", "SGLAMBDA_LOG_LEVEL: expected Debug, Information, Warning or Error, got 'Loud'")]
    public void A_bad_variable_is_a_configuration_error_naming_it(string name, string? value, string message)
    {
        var environment = Environment();
        if (value is null) environment.Remove(name);
        else environment[name] = value;

        var error = Assert.Throws<ConfigurationException>(() => Read(environment));

        Assert.That(error!.Message, Does.StartWith(message));
    }

    [Test]
    public void A_malformed_cluster_file_is_a_configuration_error_naming_the_file()
    {
        File.WriteAllText(_cluster, "{ not json");

        var error = Assert.Throws<ConfigurationException>(() => Read(Environment()));

        Assert.That(error!.Message, Does.StartWith($"SGLAMBDA_OFFLINE_CLUSTER_SNAPSHOT: {_cluster}"));
        Assert.That(error.Message, Does.Contain("not valid JSON"));
    }
}
