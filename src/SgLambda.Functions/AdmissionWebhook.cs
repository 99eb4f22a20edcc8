using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SgLambda.Core.Admission;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Webhook;

namespace SgLambda.Functions;

/// <summary>
/// The mutating admission webhook for pods (issue 5), behind a Lambda function URL: AdmissionReview v1 in,
/// JSONPatch of the pod's <c>sg.aws.tigera.io/*</c> labels out, decided by <see cref="PodAdmission"/>.
/// The URL's path is the secret (<see cref="WebhookSecret"/>); a request without it gets 401, with a wrong
/// one 403, anything but POST 405, anything but an AdmissionReview v1 400, none of them with review detail.
/// The pod's namespace is read only when the pod claims SGs (its restriction matters only then), cached
/// 30 s; when it cannot be read the claim is rejected (fail closed) with a message saying to retry.
/// Handler string: <c>SgLambda.Functions::SgLambda.Functions.AdmissionWebhook::HandleAsync</c>.
/// </summary>
public sealed class AdmissionWebhook
{
    /// <summary>How long the namespace read may take: the API server waits 10 s (timeoutSeconds) for the whole answer.</summary>
    public static readonly TimeSpan NamespaceTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The status code of a rejection because the namespace could not be read: retryable.</summary>
    public const int NamespaceUnavailableCode = 503;

    private const string JsonContentType = "application/json";
    private const string TextContentType = "text/plain; charset=utf-8";
    private readonly SgLambdaConfig _config;
    private readonly INamespaceReader _namespaces;
    private readonly WebhookSecret _secret;
    private readonly StructuredLogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Production: the cluster and settings from the environment, the secret from SSM, at cold start.</summary>
    public AdmissionWebhook()
        : this(FunctionComposition.FromEnvironment())
    {
    }

    /// <summary>Tests: the namespace reader and the secret are given (wrap the reader in <see cref="CachedNamespaceReader"/> to cache).</summary>
    public AdmissionWebhook(SgLambdaConfig config, INamespaceReader namespaces, WebhookSecret secret, StructuredLogger logger, TimeProvider time)
    {
        _config = config;
        _namespaces = namespaces;
        _secret = secret;
        _logger = logger;
        _time = time;
    }

    private AdmissionWebhook(FunctionComposition composition)
        : this(
            composition.Settings.Config,
            new CachedNamespaceReader(NamespacesOf(composition), composition.Time, CachedNamespaceReader.DefaultLifetime),
            WebhookSecretReader.Read(composition.Environment, composition.Settings.Region),
            composition.Logger,
            composition.Time)
    {
    }

    /// <summary>The bootstrap's factory (<see cref="LambdaHandlers"/>): reads and checks the secret now, at init.</summary>
    public static AdmissionWebhook Create(FunctionComposition composition) => new(composition);

    /// <summary>
    /// The managed runtime's entry point (Stream in, Stream out: no Lambda package needed). The only method of
    /// this name: the runtime resolves it with <c>GetMethod(name, DeclaredOnly|...)</c>, which throws on overloads.
    /// </summary>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, LambdaContext.FromEnvironment(_time));

    /// <summary>The bootstrap's and the tests' entry point: the invocation's context given.</summary>
    public async Task<Stream> InvokeAsync(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        APIGatewayHttpApiV2ProxyRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(input, WebhookJsonContext.Default.APIGatewayHttpApiV2ProxyRequest);
        }
        catch (JsonException)
        {
            request = null;
        }
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["function"] = context.FunctionName,
            ["requestId"] = context.AwsRequestId,
            // Never the path: it is the secret.
            ["sourceIp"] = request?.RequestContext?.Http?.SourceIp,
            ["method"] = request?.RequestContext?.Http?.Method,
        };
        var response = request is null
            ? Refuse(400, "not a function URL request", fields)
            : await RespondAsync(request, context, fields);
        Emit(context, response.Metric, started);
        var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, response.Http, WebhookJsonContext.Default.APIGatewayHttpApiV2ProxyResponse);
        stream.Position = 0;
        return stream;
    }

    private async Task<(APIGatewayHttpApiV2ProxyResponse Http, string Metric)> RespondAsync(
        APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context, Dictionary<string, object?> fields)
    {
        // Authenticate first: a caller without the secret learns nothing else about the endpoint.
        var presented = (request.RawPath ?? "").TrimStart('/');
        if (presented.Length == 0) return Refuse(401, "Unauthorized", fields);
        if (!_secret.Matches(presented)) return Refuse(403, "Forbidden", fields);
        if (!string.Equals(request.RequestContext?.Http?.Method, "POST", StringComparison.Ordinal))
        {
            return Refuse(405, "Method Not Allowed: the admission webhook takes POST", fields, new(StringComparer.Ordinal) { ["allow"] = "POST" });
        }

        var (review, problem) = ReadReview(request);
        if (review is null) return Refuse(400, problem!, fields);

        var admission = review.Request!;
        fields["uid"] = admission.Uid;
        fields["operation"] = admission.Operation;
        fields["namespace"] = admission.Namespace;
        fields["name"] = admission.Name;
        var decision = await DecideAsync(review, context, fields);
        var response = decision.Response;
        fields["allowed"] = response.Allowed;
        fields["patch"] = decision.Operations.Select(o => $"{o.Op} {o.Path}").ToList();
        if (response.Allowed)
        {
            _logger.Information(decision.Operations.Count == 0 ? "pod admitted unchanged" : "pod admitted with SG labels", fields);
        }
        else
        {
            fields["reason"] = response.Status?.Message;
            _logger.Information("pod rejected", fields);
        }
        var body = JsonSerializer.Serialize(decision.Review, AdmissionJsonContext.Default.AdmissionReview);
        var http = new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["content-type"] = JsonContentType },
            Body = body,
        };
        return (http, response.Allowed ? MetricNames.PodsAdmitted : MetricNames.PodsRejected);
    }

    /// <summary>
    /// The decision, reading the namespace only when it matters: first as if the namespace allowed no claim at
    /// all; if that admits the pod, no restriction can change it. Then as if it allowed all: a rejection there
    /// (malformed annotation, internal SG) is the answer whatever the namespace says. Only then is it read.
    /// </summary>
    private async Task<AdmissionDecision> DecideAsync(AdmissionReview review, ILambdaContext context, Dictionary<string, object?> fields)
    {
        var name = review.Request!.Namespace ?? "";
        var claimsNothing = PodAdmission.Decide(review, NoClaimsAllowed(name), _config);
        if (claimsNothing.Response.Allowed) return claimsNothing;
        var unrestricted = PodAdmission.Decide(review, null, _config);
        if (!unrestricted.Response.Allowed) return unrestricted;

        var remaining = context.RemainingTime - TimeSpan.FromSeconds(1);
        using var deadline = new CancellationTokenSource(remaining < NamespaceTimeout && remaining > TimeSpan.Zero ? remaining : NamespaceTimeout);
        try
        {
            if (name.Length == 0) throw new InvalidOperationException("the request names no namespace");
            return PodAdmission.Decide(review, await _namespaces.GetNamespaceAsync(name, deadline.Token), _config);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.Warning("namespace unreadable: the SG claim is rejected (fail closed)", new Dictionary<string, object?>(fields, StringComparer.Ordinal)
            {
                ["error"] = e.GetType().Name + ": " + e.Message,
            });
            var message = $"the pod claims security groups (annotation {Core.Calico.LabelKeys.SecurityGroupsAnnotation}), but SgLambda "
                + $"could not read namespace \"{name}\" to check which SGs its pods may claim ({AdmissionKeys.AllowedSecurityGroupsAnnotation}), "
                + "so the claim is refused for now. This is temporary: retry in a moment.";
            var rejected = new AdmissionResponse { Uid = review.Request!.Uid, Allowed = false, Status = new(NamespaceUnavailableCode, message) };
            return new AdmissionDecision(new AdmissionReview { ApiVersion = review.ApiVersion, Response = rejected }, []);
        }
    }

    /// <summary>A namespace whose restriction allows no claim (an empty list).</summary>
    private static NamespaceInfo NoClaimsAllowed(string name) =>
        new(name, new Dictionary<string, string>(StringComparer.Ordinal) { [AdmissionKeys.AllowedSecurityGroupsAnnotation] = "[]" });

    /// <summary>The body as an AdmissionReview v1 with a request and its uid, or what is wrong with it.</summary>
    private static (AdmissionReview? Review, string? Problem) ReadReview(APIGatewayHttpApiV2ProxyRequest request)
    {
        const string Expected = "expected an admission.k8s.io/v1 AdmissionReview with a request (admissionReviewVersions: [v1])";
        string text;
        try
        {
            text = request.IsBase64Encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(request.Body ?? "")) : request.Body ?? "";
        }
        catch (FormatException)
        {
            return (null, "the body is marked base64 but is not: " + Expected);
        }
        try
        {
            // The record defaults apiVersion and kind: check what was sent.
            using (var document = JsonDocument.Parse(text))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !IsString(root, "apiVersion", AdmissionReview.V1ApiVersion)
                    || !IsString(root, "kind", AdmissionReview.ReviewKind))
                {
                    return (null, Expected);
                }
            }
            var review = JsonSerializer.Deserialize(text, AdmissionJsonContext.Default.AdmissionReview);
            return review?.Request is { Uid.Length: > 0 } ? (review, null) : (null, Expected);
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON: " + Expected);
        }
    }

    private static bool IsString(JsonElement value, string property, string expected) =>
        value.TryGetProperty(property, out var found)
        && found.ValueKind == JsonValueKind.String
        && string.Equals(found.GetString(), expected, StringComparison.Ordinal);

    private (APIGatewayHttpApiV2ProxyResponse Http, string Metric) Refuse(
        int status, string message, Dictionary<string, object?> fields, Dictionary<string, string>? headers = null)
    {
        _logger.Warning("request refused", new Dictionary<string, object?>(fields, StringComparer.Ordinal) { ["status"] = status, ["reason"] = message });
        var all = new Dictionary<string, string>(headers ?? [], StringComparer.Ordinal) { ["content-type"] = TextContentType };
        return (new APIGatewayHttpApiV2ProxyResponse { StatusCode = status, Headers = all, Body = message }, MetricNames.RequestsRefused);
    }

    private static INamespaceReader NamespacesOf(FunctionComposition composition) =>
        composition.Namespaces ?? throw new ConfigurationException(EnvironmentVariables.ClusterEndpoint,
            "the admission webhook reads Namespaces from the cluster: offline mode has no cluster");

    private void Emit(ILambdaContext context, string metric, long started) =>
        _logger.Raw(EmbeddedMetrics.Format(context.FunctionName, new Dictionary<string, double>
        {
            [metric] = 1,
            [MetricNames.Duration] = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        }, _time.GetUtcNow()));
}
