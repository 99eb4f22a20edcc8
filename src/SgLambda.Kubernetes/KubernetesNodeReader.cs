using SgLambda.Core.Aws;
using SgLambda.Core.Input;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>The cluster's Nodes, as names and EC2 instance ids (from <c>spec.providerID</c>, as <c>render</c> reads them), listed page by page.</summary>
public sealed class KubernetesNodeReader : IKubernetesNodes
{
    private readonly KubernetesHttpApi _api;
    private readonly KubernetesRetry _retry;
    private readonly int _pageSize;

    public KubernetesNodeReader(KubernetesHttpApi api, KubernetesRetry? retry = null, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _api = api;
        _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);
        _pageSize = pageSize;
    }

    public async Task<IReadOnlyList<KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<KubernetesNode>();
        await PagedList.ReadAsync(_api, _retry, "api/v1/nodes", _pageSize, "list nodes", node => nodes.Add(new KubernetesNode(
            node["metadata"]?["name"]?.GetValue<string>() ?? "",
            InputParser.InstanceIdOf(node["spec"]?["providerID"]?.GetValue<string>()))), cancellationToken);
        return nodes;
    }
}
