using System.Globalization;
using System.Text.Json.Nodes;
using SgLambda.Core.Aws;
using SgLambda.Core.Input;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>The AOT-safe twin of <see cref="KubernetesNodeReader"/>: Nodes as names and instance ids, page by page, over <see cref="KubernetesHttpApi"/>.</summary>
public sealed class KubernetesHttpNodeReader : IKubernetesNodes
{
    private readonly KubernetesHttpApi _api;
    private readonly KubernetesRetry _retry;
    private readonly int _pageSize;

    public KubernetesHttpNodeReader(KubernetesHttpApi api, KubernetesRetry? retry = null, int pageSize = 500)
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
        string? next = null;
        do
        {
            var path = $"api/v1/nodes?limit={_pageSize.ToString(CultureInfo.InvariantCulture)}"
                + (next is null ? "" : "&continue=" + Uri.EscapeDataString(next));
            var page = await _retry.RunAsync("list nodes", token => _api.GetAsync(path, token), retryConflicts: false, cancellationToken);
            foreach (var node in (page["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = node["metadata"]?["name"]?.GetValue<string>() ?? "";
                nodes.Add(new KubernetesNode(name, InputParser.InstanceIdOf(node["spec"]?["providerID"]?.GetValue<string>())));
            }
            next = page["metadata"]?["continue"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));
        return nodes;
    }
}
