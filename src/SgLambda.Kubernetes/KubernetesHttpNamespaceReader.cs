using System.Text.Json.Nodes;
using SgLambda.Core.Admission;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// One Namespace (<c>GET /api/v1/namespaces/{name}</c>) over the AOT-safe <see cref="KubernetesHttpApi"/>, for the
/// admission webhook. Its retry policy is short by default: the API server waits for the webhook only
/// <c>timeoutSeconds</c> (10 in infra/cluster/webhook.yaml).
/// </summary>
public sealed class KubernetesHttpNamespaceReader : INamespaceReader
{
    /// <summary>Two attempts of 2 s each, 100 ms apart: an answer (or a failure) within about 4 s.</summary>
    public static RetryPolicy WebhookPolicy { get; } = new(2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));

    private readonly KubernetesHttpApi _api;
    private readonly KubernetesRetry _retry;

    public KubernetesHttpNamespaceReader(KubernetesHttpApi api, KubernetesRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _retry = retry ?? new KubernetesRetry(WebhookPolicy);
    }

    public async Task<NamespaceInfo> GetNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = "api/v1/namespaces/" + Uri.EscapeDataString(name);
        var value = await _retry.RunAsync($"get Namespace {name}", token => _api.GetAsync(path, token), retryConflicts: false, cancellationToken);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value["metadata"]?["annotations"] is JsonObject given)
        {
            foreach (var (key, text) in given)
            {
                if (text is JsonValue v && v.TryGetValue<string>(out var s)) annotations[key] = s;
            }
        }
        return new NamespaceInfo(value["metadata"]?["name"]?.GetValue<string>() ?? name, annotations);
    }
}
