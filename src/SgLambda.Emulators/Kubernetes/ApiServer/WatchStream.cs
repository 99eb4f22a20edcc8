using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A watch (<c>GET ...?watch=true</c>) as the API server streams it over JSON: HTTP 200 at once, then one
/// <c>WatchEvent</c> per line (<c>{"type":"ADDED","object":{...}}</c>), until <c>timeoutSeconds</c>, the client
/// leaves or the emulator stops.
/// <list type="bullet">
/// <item>resourceVersion unset or "0": the matching objects first, as ADDED events; then every change.</item>
/// <item>resourceVersion N: every change after N; an N older than the event log gives one ERROR event
/// carrying a 410 Expired Status, as after an etcd compaction (clients list again).</item>
/// <item><c>sendInitialEvents=true</c> (watch-list): the ADDED events, then a BOOKMARK annotated
/// <c>k8s.io/initial-events-end</c>.</item>
/// <item>Simpler than the API server: with a label or field selector, an object that stops matching yields no
/// DELETED event; bookmarks are sent only for watch-list.</item>
/// </list>
/// </summary>
internal static class WatchStream
{
    // The API server's default is a random duration of 30 to 60 minutes (--min-request-timeout 1800).
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public static async Task ServeAsync(HttpContext context, ResourceRegistry registry, ApiPath path, ListOptions options, CancellationToken stopping)
    {
        var query = context.Request.Query;
        var resource = path.Resource;
        var timeout = DefaultTimeout;
        if (query["timeoutSeconds"].ToString() is { Length: > 0 } seconds)
        {
            if (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                throw new StatusException(KubernetesStatus.BadRequest($"strconv.ParseInt: parsing {KubernetesStatus.GoQuote(seconds)}: invalid syntax"));
            timeout = TimeSpan.FromSeconds(parsed);
        }
        var versionText = query["resourceVersion"].ToString();
        var initialEvents = string.Equals(query["sendInitialEvents"].ToString(), "true", StringComparison.Ordinal);
        long revision = 0;
        if (versionText is not ("" or "0") && !long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out revision))
            throw new StatusException(KubernetesStatus.BadRequest($"invalid resource version: {versionText}"));

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        ending.CancelAfter(timeout);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync(ending.Token);
        await response.Body.FlushAsync(ending.Token);
        try
        {
            if (versionText is "" or "0" || initialEvents)
            {
                var (objects, now) = registry.WatchStart(resource, path.Namespace, options);
                foreach (var item in objects) await WriteEventAsync(response, "ADDED", item, ending.Token);
                if (initialEvents) await WriteEventAsync(response, "BOOKMARK", Bookmark(resource, now), ending.Token);
                revision = now;
            }
            while (!ending.IsCancellationRequested)
            {
                (IReadOnlyList<StoreEvent> Events, long Revision, Task Changed) batch;
                try
                {
                    batch = registry.WatchEvents(resource, path.Namespace, options, revision);
                }
                catch (StatusException expired)
                {
                    await WriteEventAsync(response, "ERROR", expired.Status, ending.Token);
                    return;
                }
                foreach (var change in batch.Events) await WriteEventAsync(response, change.Type, change.Object, ending.Token);
                revision = batch.Revision;
                await batch.Changed.WaitAsync(ending.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch's time is up, the client left or the emulator stops: the stream just ends.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string type, JsonObject item, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = item.DeepClone() }.ToJsonString() + "\n";
        await response.WriteAsync(line, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static JsonObject Bookmark(ApiResource resource, long revision) => new()
    {
        ["kind"] = resource.Kind,
        ["apiVersion"] = resource.ApiVersion,
        ["metadata"] = new JsonObject
        {
            ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture),
            ["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" },
        },
    };
}
