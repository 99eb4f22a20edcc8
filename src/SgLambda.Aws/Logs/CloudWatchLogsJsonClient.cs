using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace SgLambda.Aws.Logs;

/// <summary>
/// <see cref="IAmazonCloudWatchLogs"/> over the AWS JSON 1.1 protocol: POST <c>/</c> with
/// <c>X-Amz-Target: Logs_20140328.&lt;Operation&gt;</c> and <c>Content-Type: application/x-amz-json-1.1</c>,
/// SigV4-signed by AWSSDK.Core's <see cref="AWS4Signer"/>. Throttling, 5xx and transport errors are retried
/// with capped exponential backoff and full jitter, as the SDKs' standard retry mode does.
/// </summary>
public sealed class CloudWatchLogsJsonClient : IAmazonCloudWatchLogs
{
    public const string TargetPrefix = "Logs_20140328";
    public const string SigningName = "logs";
    public const string ContentType = "application/x-amz-json-1.1";

    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ServiceUnavailableException", "TooManyRequestsException", "RequestTimeout",
        "RequestTimeoutException", "InternalFailure",
    };

    private readonly AWSCredentials credentials;
    private readonly CloudWatchLogsClientOptions options;
    private readonly HttpClient http;
    private readonly SigningClientConfig signingConfig;

    /// <param name="credentials">The caller's credentials (the default chain in production).</param>
    /// <param name="options">Region, endpoint, retries.</param>
    /// <param name="handler">The HTTP handler (a stub in tests); the client owns it.</param>
    public CloudWatchLogsJsonClient(AWSCredentials credentials, CloudWatchLogsClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxErrorRetry);
        this.credentials = credentials;
        this.options = options;
        Endpoint = options.Endpoint;
        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per attempt, below
        };
        signingConfig = new SigningClientConfig(SigningName, "2014-03-28", options.Region, Endpoint);
    }

    public Uri Endpoint { get; }

    public async Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject { ["logGroupName"] = request.LogGroupName };
        if (request.StartTime is { } start) body["startTime"] = start;
        if (request.EndTime is { } end) body["endTime"] = end;
        if (request.FilterPattern is { } pattern) body["filterPattern"] = pattern;
        if (request.Limit is { } limit) body["limit"] = limit;
        if (request.NextToken is { } token) body["nextToken"] = token;
        var result = await CallAsync("FilterLogEvents", body, cancellationToken);
        return new FilterLogEventsResponse
        {
            Events = [.. (result["events"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new FilteredLogEvent
            {
                LogStreamName = Text(e["logStreamName"]),
                Timestamp = Number(e["timestamp"]),
                Message = Text(e["message"]),
                IngestionTime = Number(e["ingestionTime"]),
                EventId = Text(e["eventId"]),
            })],
            NextToken = Text(result["nextToken"]),
        };
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> CallAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var message = await SignedRequestAsync(operation, body);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                using var response = await http.SendAsync(message, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                if (response.IsSuccessStatusCode)
                    return Parse(text) as JsonObject ?? throw new AmazonCloudWatchLogsException($"CloudWatch Logs {operation}: the answer is not a JSON object");
                var error = Error(text, response.StatusCode, requestId);
                if (!IsRetryable(error) || attempt >= options.MaxErrorRetry) throw error;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < options.MaxErrorRetry)
            {
                // A dropped connection or a timed-out attempt: try again below.
            }
            await Task.Delay(Backoff(attempt), options.TimeProvider, cancellationToken);
        }
    }

    /// <summary>A JSON 1.1 error: <c>__type</c> (possibly <c>namespace#Code</c>) and <c>message</c> (or <c>Message</c>).</summary>
    internal static AmazonCloudWatchLogsException Error(string body, HttpStatusCode status, string? requestId)
    {
        var json = Parse(body) as JsonObject;
        var type = Text(json?["__type"]) ?? (((int)status >= 500) ? "InternalFailure" : "UnknownError");
        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) code = code[..colon];
        var message = Text(json?["message"]) ?? Text(json?["Message"]) ?? $"CloudWatch Logs answered HTTP {((int)status).ToString(CultureInfo.InvariantCulture)}";
        if (string.Equals(code, nameof(ResourceNotFoundException), StringComparison.Ordinal))
            return new ResourceNotFoundException(message, requestId, status);
        return new AmazonCloudWatchLogsException(message, (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender, code, requestId, status);
    }

    private async Task<HttpRequestMessage> SignedRequestAsync(string operation, byte[] body)
    {
        var identity = await credentials.GetCredentialsAsync();
        var target = $"{TargetPrefix}.{operation}";
        var request = new DefaultRequest(new LogsSigningRequest(), "CloudWatchLogs")
        {
            HttpMethod = "POST",
            Endpoint = Endpoint,
            ResourcePath = "/",
            Content = body,
            AuthenticationRegion = options.Region,
            OverrideSigningServiceName = SigningName,
        };
        request.Headers["Content-Type"] = ContentType;
        request.Headers["X-Amz-Target"] = target;
        if (identity.UseToken) request.Headers["X-Amz-Security-Token"] = identity.Token;
        var signedAt = options.TimeProvider.GetUtcNow().UtcDateTime;
        var signature = new AWS4Signer().SignRequest(request, signingConfig, null, identity.AccessKey, identity.SecretKey, signedAt);

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.Equals(name, "host", StringComparison.OrdinalIgnoreCase)) message.Headers.Host = value;
            else message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return message;
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new AmazonCloudWatchLogsException("CloudWatch Logs answered with invalid JSON: " + e.Message);
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<long>() : 0;

    private static bool IsRetryable(AmazonServiceException error) =>
        (int)error.StatusCode >= 500 || RetryableCodes.Contains(error.ErrorCode ?? "");

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException;

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
