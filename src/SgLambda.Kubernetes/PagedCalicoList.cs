using System.Net;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;

namespace SgLambda.Kubernetes;

/// <summary>
/// A label-selector list of one Calico kind as both store adapters read it: page by page following
/// <c>continue</c>, every page at the first page's resourceVersion, each object handed on as its page is read,
/// and started over (at most three times) when the continue token expires (410). Only how a page is fetched
/// differs between the adapters.
/// </summary>
internal static class PagedCalicoList
{
    private const int MaxListRestarts = 3;

    /// <param name="kind">The kind listed (filled into items that lack it).</param>
    /// <param name="apiGroup">The API group (filled into items that lack it).</param>
    /// <param name="operation">How failures and restarts name the list.</param>
    /// <param name="fetchPage">One page, retried as the adapter retries; the argument is the continue token (null: first page).</param>
    /// <param name="each">Given each object.</param>
    /// <param name="restart">Called when the list starts over: what <paramref name="each"/> was given is to be forgotten.</param>
    /// <param name="log">Where a restart is told, if anywhere.</param>
    /// <returns>The resourceVersion the list was read at.</returns>
    public static async Task<string?> ReadAsync(
        string kind, string apiGroup, string operation, Func<string?, Task<JsonObject>> fetchPage,
        Action<CalicoObject> each, Action restart, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(each);
        ArgumentNullException.ThrowIfNull(restart);
        for (var restarts = 0; ; restarts++)
        {
            string? next = null;
            string? version = null;
            try
            {
                do
                {
                    var page = await fetchPage(next);
                    // One string pool a page: a caller that keeps the objects keeps each page's repeats once, and
                    // one that does not (the reconcile) is not made to keep every string of the listing.
                    var reader = new CalicoListingReader();
                    foreach (var item in page["items"] as JsonArray ?? [])
                    {
                        if (item is not JsonObject value) continue;
                        // List items of custom resources carry kind and apiVersion; fill them in should a server leave them out.
                        value["kind"] ??= kind;
                        value["apiVersion"] ??= apiGroup;
                        each(reader.Read(value));
                    }
                    version ??= page["metadata"]?["resourceVersion"]?.GetValue<string>();
                    next = page["metadata"]?["continue"]?.GetValue<string>();
                }
                while (!string.IsNullOrEmpty(next));
                return version;
            }
            catch (KubernetesRequestException expired) when (expired.StatusCode == HttpStatusCode.Gone && next is not null && restarts < MaxListRestarts)
            {
                // The continue token outlived the server's history (410 Expired): a consistent list starts over.
                log?.Invoke($"{operation}: continue token expired, listing again");
                restart();
            }
        }
    }
}
