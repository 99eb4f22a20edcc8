using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// Everything <c>explain</c> reads, however it was loaded (snapshot files or live AWS and cluster): the AWS
/// state, the configuration, the Calico objects of the cluster (NetworkPolicies included), its pods and the
/// names of the nodes that run Felix.
/// </summary>
public sealed record ExplainInputs
{
    public required AwsSnapshot Aws { get; init; }
    public required SgLambdaConfig Config { get; init; }
    public IReadOnlyList<CalicoObject> Cluster { get; init; } = [];
    public IReadOnlyList<ClusterPod> Pods { get; init; } = [];

    /// <summary>
    /// Kubernetes node names (the names in <see cref="AwsSnapshot.Nodes"/> are always added); null when not
    /// known, and then, if the snapshot has no Nodes either, the nodes of node HostEndpoints stand in.
    /// </summary>
    public IReadOnlyList<string>? NodeNames { get; init; }

    /// <summary>Labels of each namespace, for namespaceSelectors (null: namespaces carry only their name label).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? NamespaceLabels { get; init; }

    /// <summary>What loading had to leave out or assume, repeated in every report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
