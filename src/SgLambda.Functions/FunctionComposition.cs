using SgLambda.Core.Sync;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions;

/// <summary>
/// What a function is built from in production: settings read and validated from the environment, and the
/// sync engine over the real AWS and Kubernetes clients. Built once per cold start.
/// </summary>
public sealed record FunctionComposition(FunctionSettings Settings, SyncEngine Engine, StructuredLogger Logger, TimeProvider Time)
{
    public static FunctionComposition FromEnvironment()
    {
        // Offline (tests, sam local invoke): snapshot files stand in for AWS and the cluster.
        if (Offline.OfflineComposition.IsRequested(Environment.GetEnvironmentVariable)) return Offline.OfflineComposition.FromEnvironment();
        var settings = FunctionSettingsReader.FromEnvironment();
        var logger = new StructuredLogger(Console.Out, settings.LogLevel, TimeProvider.System);
        throw new NotSupportedException($"the AWS and Kubernetes adapters are not wired yet (cluster {settings.ClusterName}); logger {logger.GetHashCode()}");
    }
}
