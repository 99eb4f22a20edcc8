using System.Globalization;
using System.Text.Json.Nodes;

namespace SgLambda.Kubernetes;

/// <summary>A list of built-in objects (Nodes, NetworkPolicies, Pods) as the readers read it: page by page, following <c>continue</c>, each page retried.</summary>
internal static class PagedList
{
    /// <param name="api">The API server.</param>
    /// <param name="retry">How each page is retried.</param>
    /// <param name="collection">The collection's path (<c>api/v1/nodes</c>).</param>
    /// <param name="pageSize">Items per page (<c>limit</c>).</param>
    /// <param name="operation">How failures name the list.</param>
    /// <param name="each">Given each item.</param>
    /// <param name="cancellationToken">Stops the list.</param>
    public static async Task ReadAsync(
        KubernetesHttpApi api, KubernetesRetry retry, string collection, int pageSize, string operation, Action<JsonObject> each, CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            var path = $"{collection}?limit={pageSize.ToString(CultureInfo.InvariantCulture)}"
                + (next is null ? "" : "&continue=" + Uri.EscapeDataString(next));
            var page = await retry.RunAsync(operation, token => api.GetAsync(path, token), retryConflicts: false, cancellationToken);
            foreach (var item in (page["items"] as JsonArray ?? []).OfType<JsonObject>()) each(item);
            next = page["metadata"]?["continue"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));
    }
}
