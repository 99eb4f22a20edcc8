using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using SgLambda.Aws.Wire;

namespace SgLambda.Aws.Logs;

/// <summary>
/// <see cref="IAmazonCloudWatchLogs"/> over the AWS JSON 1.1 protocol: POST <c>/</c> with
/// <c>X-Amz-Target: Logs_20140328.&lt;Operation&gt;</c> and <c>Content-Type: application/x-amz-json-1.1</c>,
/// SigV4-signed by AWSSDK.Core's <see cref="AWS4Signer"/> through <see cref="SignedPostClient"/>. Throttling, 5xx and transport errors are retried
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

    private static readonly SignedPostService Service = new(SigningName, "CloudWatchLogs", "2014-03-28", ContentType, RetryableCodes);

    private readonly SignedPostClient _client;

    /// <param name="credentials">The caller's credentials (the default chain in production).</param>
    /// <param name="options">Region, endpoint, retries.</param>
    /// <param name="handler">The HTTP handler (a stub in tests); the client owns it.</param>
    public CloudWatchLogsJsonClient(AWSCredentials credentials, CloudWatchLogsClientOptions options, HttpMessageHandler? handler = null) =>
        _client = new SignedPostClient(credentials, options, Service, handler);

    public Uri Endpoint => _client.Endpoint;

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

    public void Dispose() => _client.Dispose();

    private Task<JsonObject> CallAsync(string operation, JsonObject request, CancellationToken cancellationToken) =>
        _client.PostAsync(
            Encoding.UTF8.GetBytes(request.ToJsonString()),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Amz-Target"] = $"{TargetPrefix}.{operation}" },
            text => Parse(text) as JsonObject ?? throw new AmazonCloudWatchLogsException($"CloudWatch Logs {operation}: the answer is not a JSON object"),
            Error,
            cancellationToken);

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
}
