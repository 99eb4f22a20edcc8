using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SgLambda.Emulators.Aws.Json;

/// <summary>
/// A loopback emulator of the two AWS JSON-protocol calls <c>sglambda doctor</c> makes, on one endpoint told
/// apart by <c>X-Amz-Target</c>: SQS <c>AmazonSQS.GetQueueAttributes</c> (AWS JSON 1.0, as AWSSDK.SQS 4.x
/// sends it) and CloudWatch Logs <c>Logs_20140328.FilterLogEvents</c> (AWS JSON 1.1). Errors are JSON
/// <c>{"__type", "message"}</c> with HTTP 400 (SQS also sends <c>x-amzn-query-error</c>). Signatures are not
/// checked. Seed queues and log lines through <see cref="State"/>.
/// </summary>
public sealed class OperationsEmulator : IAsyncDisposable
{
    private const string SqsContentType = "application/x-amz-json-1.0";
    private const string LogsContentType = "application/x-amz-json-1.1";
    private static readonly string[] QueueAttributes =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "QueueArn"];

    private readonly WebApplication _app;

    private OperationsEmulator(WebApplication app, OperationsEmulatorState state)
    {
        _app = app;
        State = state;
    }

    public OperationsEmulatorState State { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: the ServiceURL for the SQS and CloudWatch Logs clients.</summary>
    public string ServiceUrl => State.BaseUrl;

    /// <summary>The targets called, in order (<c>AmazonSQS.GetQueueAttributes</c>, ...).</summary>
    public IReadOnlyList<string> Calls
    {
        get { lock (_calls) return [.. _calls]; }
    }

    private readonly List<string> _calls = [];

    public static async Task<OperationsEmulator> StartAsync(OperationsEmulatorState? state = null, CancellationToken cancellationToken = default)
    {
        state ??= new OperationsEmulatorState();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new OperationsEmulator(app, state);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken);
        state.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        lock (_calls) _calls.Add(target);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        var (status, response, contentType, queryError) = target switch
        {
            "AmazonSQS.GetQueueAttributes" => GetQueueAttributes(body),
            "Logs_20140328.FilterLogEvents" => FilterLogEvents(body),
            _ when target.StartsWith("AmazonSQS.", StringComparison.Ordinal) =>
                Sqs("UnsupportedOperation", $"{target} is not emulated.", "AWS.SimpleQueueService.UnsupportedOperation"),
            _ => (400, Error("UnknownOperationException", $"Unknown operation {target}"), LogsContentType, null),
        };
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (queryError is not null) http.Response.Headers["x-amzn-query-error"] = queryError;
        await http.Response.WriteAsync(response.ToJsonString(), http.RequestAborted);
    }

    private (int, JsonObject, string, string?) GetQueueAttributes(JsonObject? body)
    {
        if (Text(body?["QueueUrl"]) is not { } url)
            return Sqs("MissingParameter", "The request must contain the parameter QueueUrl.", "AWS.SimpleQueueService.MissingParameter");
        if (!State.TryGetDepth(url, out var depth))
            return Sqs("QueueDoesNotExist", "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue");
        var names = (body!["AttributeNames"] as JsonArray ?? []).Select(Text).OfType<string>().ToList();
        var attributes = new JsonObject();
        foreach (var name in QueueAttributes.Where(a => names.Contains("All") || names.Contains(a)))
        {
            attributes[name] = name switch
            {
                "ApproximateNumberOfMessages" => depth.ToString(CultureInfo.InvariantCulture),
                "QueueArn" => $"arn:aws:sqs:{State.Region}:{State.AccountId}:{url[(url.LastIndexOf('/') + 1)..]}",
                _ => "0",
            };
        }
        // SQS omits Attributes when none were asked for.
        return (200, attributes.Count == 0 ? [] : new JsonObject { ["Attributes"] = attributes }, SqsContentType, null);
    }

    private (int, JsonObject, string, string?) FilterLogEvents(JsonObject? body)
    {
        if (Text(body?["logGroupName"]) is not { } group)
            return Logs("InvalidParameterException", "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
        if (LogFilterPattern.TryParse(Text(body!["filterPattern"])) is not { } pattern)
            return Logs("InvalidParameterException", "Invalid filter pattern (the emulator understands \"\", { $.field = \"value\" } and single terms)");
        if (State.Events(group) is not { } events)
            return Logs("ResourceNotFoundException", "The specified log group does not exist.");
        var start = Number(body["startTime"]) ?? long.MinValue;
        var end = Number(body["endTime"]) ?? long.MaxValue;
        var limit = (int)(Number(body["limit"]) ?? 10000);
        var skip = Text(body["nextToken"]) is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var matching = events.Where(e => e.Timestamp >= start && e.Timestamp < end && pattern.Matches(e.Message))
            .OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence).ToList();
        var page = matching.Skip(skip).Take(limit).ToList();
        var response = new JsonObject
        {
            ["events"] = new JsonArray([.. page.Select(e => (JsonNode)new JsonObject
            {
                ["logStreamName"] = e.Stream,
                ["timestamp"] = e.Timestamp,
                ["message"] = e.Message,
                ["ingestionTime"] = e.Timestamp,
                ["eventId"] = e.Sequence.ToString("D56", CultureInfo.InvariantCulture),
            })]),
            ["searchedLogStreams"] = new JsonArray([.. events.Select(e => e.Stream).Distinct(StringComparer.Ordinal)
                .Select(s => (JsonNode)new JsonObject { ["logStreamName"] = s, ["searchedCompletely"] = true })]),
        };
        if (skip + page.Count < matching.Count) response["nextToken"] = (skip + page.Count).ToString(CultureInfo.InvariantCulture);
        return (200, response, LogsContentType, null);
    }

    private static (int, JsonObject, string, string?) Sqs(string code, string message, string queryError) =>
        (400, Error("com.amazonaws.sqs#" + code, message), SqsContentType, queryError + ";Sender");

    private static (int, JsonObject, string, string?) Logs(string code, string message) =>
        (400, Error(code, message), LogsContentType, null);

    private static JsonObject Error(string type, string message) => new() { ["__type"] = type, ["message"] = message };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<long>() : null;
}
