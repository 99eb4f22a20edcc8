using SgLambda.Core.Aws;
using SgLambda.Core.Ports;

namespace SgLambda.Composition;

/// <summary>A cluster snapshot with AWS live has no Node list.</summary>
internal sealed class NoNodes : IKubernetesNodes
{
    public static NoNodes Instance { get; } = new();

    public Task<IReadOnlyList<KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KubernetesNode>>([]);
}
