using SgLambda.Core.Aws;

namespace SgLambda.Core.Ports;

/// <summary>The cluster's Nodes, reduced to what the translation needs (name and EC2 instance id).</summary>
public interface IKubernetesNodes
{
    Task<IReadOnlyList<KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken);
}
