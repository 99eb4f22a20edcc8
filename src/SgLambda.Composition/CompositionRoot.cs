using SgLambda.Core.Configuration;

namespace SgLambda.Composition;

/// <summary>
/// The composition root of every entry point (the functions, each CLI command, the sandbox and the demo): an AWS
/// source and a cluster source, live or snapshot, become the core's ports. Each entry point says which sources
/// (from its environment variables or options) and what the engine may do (<see cref="Core.Sync.SyncEngineOptions"/>);
/// nothing else builds an AWS or Kubernetes adapter.
/// </summary>
public static class CompositionRoot
{
    /// <param name="aws">AWS: the account or a snapshot.</param>
    /// <param name="cluster">The cluster: an API server or a snapshot file.</param>
    /// <param name="config">SgLambda's configuration (the Calico API group, the VPC, ...).</param>
    /// <param name="log">Told what the cluster store retries (the functions' log); null: silent.</param>
    public static Composed Compose(AwsSource aws, ClusterSource cluster, SgLambdaConfig config, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(config);
        return new Composed(aws.Open(config), cluster.Open(config, log), config);
    }

    /// <summary>AWS alone, for readers that take the cluster from files as they are (<c>doctor</c> and <c>explain</c> offline).</summary>
    public static AwsSide OpenAws(AwsSource aws, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(config);
        return aws.Open(config);
    }

    /// <summary>The cluster alone, for readers that take AWS apart (<c>explain</c>).</summary>
    public static ClusterSide OpenCluster(ClusterSource cluster, SgLambdaConfig config, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(config);
        return cluster.Open(config, log);
    }
}
