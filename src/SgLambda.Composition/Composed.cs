using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;

namespace SgLambda.Composition;

/// <summary>What <see cref="CompositionRoot.Compose"/> built: both sides, and the engine between them.</summary>
public sealed record Composed(AwsSide Aws, ClusterSide Cluster, SgLambdaConfig Config)
{
    /// <summary>
    /// Which instances are nodes: a live cluster's Node list (it knows better than a snapshot's nodes.json), else
    /// the AWS snapshot's, else none (instances carrying the enforced SG still count as nodes).
    /// </summary>
    public IKubernetesNodes Nodes => Cluster.Nodes ?? Aws.SnapshotNodes ?? NoNodes.Instance;

    /// <summary>True when both AWS and the cluster are live: only then is a plan the account's to attach trust SGs for.</summary>
    public bool BothLive => Aws.IsLive && Cluster.IsLive;

    /// <summary>Companions of the cluster's (or the snapshot's) SG-aware NetworkPolicies.</summary>
    public CompanionPolicies Companions => CompanionPolicies.Enabled(Cluster.NetworkPolicies);

    /// <summary>The live account's trust SG writer when both sides are live; read only otherwise.</summary>
    public TrustSecurityGroupWrites TrustWritesWhenBothLive =>
        BothLive && Aws.Writer is { } writer ? TrustSecurityGroupWrites.Write(writer) : TrustSecurityGroupWrites.ReadOnly;

    /// <summary>The sync engine over both sides, doing what <paramref name="options"/> states.</summary>
    public SyncEngine Engine(SyncEngineOptions options) => new(Aws.Inventory, Nodes, Cluster.Store, Config, options);
}
