using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Admission;
using SgLambda.Core.Configuration;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Functions;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Webhook;
using SgLambda.Kubernetes;

namespace SgLambda.Cli.Sandbox;

/// <summary>
/// The admission webhook function as the API server reaches it: an AdmissionReview POSTed in a function URL
/// request whose path is the secret, the function reading the pod's Namespace from the cluster's API.
/// </summary>
internal sealed class SandboxWebhook : IDisposable
{
    private readonly AdmissionWebhook _function;
    private readonly KubernetesHttpApi _api;
    private readonly string _secret;
    private readonly TimeProvider _clock;
    private readonly string _functionArn;
    private int _invocations;

    private SandboxWebhook(AdmissionWebhook function, KubernetesHttpApi api, string secret, TimeProvider clock, string functionArn)
    {
        _function = function;
        _api = api;
        _secret = secret;
        _clock = clock;
        _functionArn = functionArn;
    }

    public static SandboxWebhook Create(Uri cluster, string? caBundle, string token, SgLambdaConfig config, StructuredLogger logger, TimeProvider clock)
    {
        // As `openssl rand -hex 32` makes it (README, "Admission webhook").
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var api = new KubernetesHttpApi(cluster, caBundle, new StaticTokenSource(token));
        var namespaces = new CachedNamespaceReader(new KubernetesHttpNamespaceReader(api), clock, CachedNamespaceReader.DefaultLifetime);
        var function = new AdmissionWebhook(config, namespaces, WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, secret), logger, clock);
        return new SandboxWebhook(function, api, secret, clock, $"arn:aws:lambda:{config.Region}:{config.AccountId}:function:sglambda-admission-webhook");
    }

    /// <summary>The function's answer to the review; an answer that is not a review is an error.</summary>
    public async Task<AdmissionResponse> ReviewAsync(AdmissionReview review, CancellationToken cancellationToken)
    {
        var request = FunctionUrlPost.Of(_secret, JsonSerializer.Serialize(review, AdmissionJsonContext.Default.AdmissionReview));
        using var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(request, WebhookJsonContext.Default.APIGatewayHttpApiV2ProxyRequest));
        var id = Interlocked.Increment(ref _invocations);
        var context = new LambdaContext(string.Create(CultureInfo.InvariantCulture, $"webhook-{id:D4}"), "sglambda-admission-webhook",
            _functionArn, _clock.GetUtcNow().AddSeconds(10), _clock);
        await using var output = await _function.InvokeAsync(input, context);
        var response = await JsonSerializer.DeserializeAsync(output, WebhookJsonContext.Default.APIGatewayHttpApiV2ProxyResponse, cancellationToken);
        if (response is not { StatusCode: 200, Body: { } body })
            throw new InvalidOperationException($"the webhook answered HTTP {response?.StatusCode.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
        return JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.AdmissionReview)?.Response
            ?? throw new InvalidOperationException("the webhook's answer has no response");
    }

    /// <summary>
    /// The function as the cluster's MutatingWebhookConfiguration registers it (<c>infra/cluster/webhook.yaml</c>): pods
    /// outside <paramref name="exemptNamespaces"/>, <c>failurePolicy: Ignore</c>; the review goes through the function URL.
    /// </summary>
    /// <param name="exemptNamespaces">The namespaces the configuration's namespaceSelector leaves out.</param>
    /// <param name="report">Told each pod's outcome (see <see cref="ReviewJsonAsync"/>).</param>
    public MutatingPodWebhook Registration(IEnumerable<string> exemptNamespaces, Action<string>? report) =>
        new("pods.sglambda.io", (review, cancellationToken) => ReviewJsonAsync(review, report, cancellationToken))
        {
            ExcludedNamespaces = exemptNamespaces.ToHashSet(StringComparer.Ordinal),
            FailOpen = true,
        };

    /// <summary>
    /// The cluster API's call: an AdmissionReview as JSON in, the review with the function's response out. Each
    /// pod's outcome (the labels set, a refusal, or a failure the cluster ignores as failurePolicy Ignore says) is told to <paramref name="report"/>.
    /// </summary>
    public async Task<JsonObject> ReviewJsonAsync(JsonObject review, Action<string>? report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        var request = review["request"];
        var pod = $"{request?["operation"]} pod {request?["namespace"]}/{request?["name"] ?? request?["object"]?["metadata"]?["generateName"]}";
        try
        {
            var parsed = JsonSerializer.Deserialize(review.ToJsonString(), AdmissionJsonContext.Default.AdmissionReview)
                ?? throw new InvalidOperationException("the AdmissionReview is empty");
            var response = await ReviewAsync(parsed, cancellationToken);
            report?.Invoke($"webhook {pod}: " + Outcome(response));
            return JsonNode.Parse(JsonSerializer.Serialize(new AdmissionReview { Response = response }, AdmissionJsonContext.Default.AdmissionReview))!.AsObject();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            report?.Invoke($"webhook {pod}: failed ({error.Message}); admitted unchanged (failurePolicy Ignore)");
            throw;
        }
    }

    private static string Outcome(AdmissionResponse response)
    {
        if (!response.Allowed) return $"refused ({response.Status?.Message})";
        if (response.Patch is null) return "allowed, no change";
        var operations = JsonNode.Parse(Convert.FromBase64String(response.Patch)) as JsonArray ?? [];
        return "allowed, patched " + string.Join(", ", operations.Select(operation => $"{operation?["op"]} {operation?["path"]}"));
    }

    public void Dispose() => _api.Dispose();
}
