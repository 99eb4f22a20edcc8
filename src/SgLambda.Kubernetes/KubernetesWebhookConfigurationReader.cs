using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Kubernetes;

/// <summary>Reads a MutatingWebhookConfiguration (admissionregistration.k8s.io/v1) for <c>sglambda doctor</c>.</summary>
public sealed class KubernetesWebhookConfigurationReader
{
    private readonly KubernetesHttpApi _api;
    private readonly KubernetesRetry _retry;

    public KubernetesWebhookConfigurationReader(KubernetesHttpApi api, KubernetesRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);
    }

    /// <summary>The configuration, or null when the cluster has none of that name.</summary>
    public async Task<WebhookConfiguration?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = "apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/" + Uri.EscapeDataString(name);
        try
        {
            var found = await _retry.RunAsync($"get mutatingwebhookconfiguration {name}", token => _api.GetAsync(path, token), retryConflicts: false, cancellationToken);
            return Map(found, name);
        }
        catch (KubernetesRequestException missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static WebhookConfiguration Map(JsonObject configuration, string name) =>
        new(Text(configuration["metadata"]?["name"]) ?? name,
        [
            .. (configuration["webhooks"] as JsonArray ?? []).OfType<JsonObject>().Select(w => new AdmissionWebhook(
                Text(w["name"]) ?? "",
                Text(w["clientConfig"]?["url"]),
                Text(w["failurePolicy"]),
                [
                    .. (w["rules"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new WebhookRule(
                        Strings(r, "apiGroups"), Strings(r, "apiVersions"), Strings(r, "operations"), Strings(r, "resources"))),
                ])),
        ]);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static List<string> Strings(JsonObject parent, string name) => [.. (parent[name] as JsonArray ?? []).Select(Text).OfType<string>()];
}
