using SgLambda.Composition;
using SgLambda.Composition.Offline;
using SgLambda.Core.Input;
using SgLambda.Core.Sync;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions.Offline;

/// <summary>
/// A function without AWS or a cluster, for tests of the bootstrap binary and <c>sam local invoke</c>:
/// <see cref="EnvironmentVariables.OfflineAwsSnapshot"/> names a folder as <c>sglambda replay --aws-snapshot</c>
/// takes (sgs.json, enis.json, config.json, ...; its config.json is the configuration, as for replay, and
/// the SGLAMBDA_* settings are not read), <see cref="EnvironmentVariables.OfflineClusterSnapshot"/> a cluster
/// List file that plans are applied to. Only <see cref="EnvironmentVariables.LogLevel"/> is read besides.
/// </summary>
public static class OfflineComposition
{
    /// <summary>True when either variable is set: then both must be.</summary>
    public static bool IsRequested(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrWhiteSpace(environment(EnvironmentVariables.OfflineAwsSnapshot))
            || !string.IsNullOrWhiteSpace(environment(EnvironmentVariables.OfflineClusterSnapshot));
    }

    /// <summary>Reads both snapshots; a missing variable or a bad file throws <see cref="ConfigurationException"/> naming the variable.</summary>
    public static FunctionComposition Read(Func<string, string?> environment, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string Required(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new ConfigurationException(name, $"required in offline mode (with {EnvironmentVariables.OfflineAwsSnapshot} and {EnvironmentVariables.OfflineClusterSnapshot})");
        var awsFolder = Required(EnvironmentVariables.OfflineAwsSnapshot);
        var clusterPath = Required(EnvironmentVariables.OfflineClusterSnapshot);

        var input = Input(EnvironmentVariables.OfflineAwsSnapshot, () => AwsSnapshotFolder.Read(awsFolder));
        var cluster = Input(EnvironmentVariables.OfflineClusterSnapshot, () => ClusterSnapshotFile.Open(clusterPath));
        var level = LogLevelOf(environment(EnvironmentVariables.LogLevel));
        var logger = new StructuredLogger(output, level, time);
        var settings = new FunctionSettings
        {
            Config = input.Config,
            ClusterName = input.Config.ClusterName ?? "offline",
            Region = input.Config.Region ?? environment(EnvironmentVariables.AwsRegion) ?? "offline",
            LogLevel = level,
        };
        var composed = CompositionRoot.Compose(AwsSource.Snapshot(input.Snapshot), ClusterSource.Snapshot(cluster), input.Config);
        return FunctionComposition.Of(settings, composed, TrustSecurityGroupWrites.Write(new OfflineTrustWriter(logger)), logger, time);
    }

    /// <summary>The process environment, logs on standard output.</summary>
    public static FunctionComposition FromEnvironment() => Read(Environment.GetEnvironmentVariable, Console.Out, TimeProvider.System);

    private static T Input<T>(string variable, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InputException e)
        {
            throw new ConfigurationException(variable, e.Message);
        }
    }

    private static LogLevel LogLevelOf(string? text) => text switch
    {
        null or "" => LogLevel.Information,
        _ when Enum.TryParse<LogLevel>(text.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level) => level,
        _ => throw new ConfigurationException(EnvironmentVariables.LogLevel, $"expected Debug, Information, Warning or Error, got '{text}'"),
    };
}
