using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws;

/// <summary>
/// One call through the emulator: read the Query parameters, count the call, inject a fault if one is
/// due (before anything changes), run the action atomically (a failed action is rolled back), answer
/// in the service's XML, and append the events AWS would deliver for it.
/// </summary>
internal sealed class QueryApiPipeline(
    Ec2Account account,
    EventFeed events,
    FaultInjector faults,
    CallCounter calls,
    EventFactory eventFactory,
    Ec2EmulatorOptions options)
{
    public async Task HandleAsync(HttpContext http)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await ServeAsync(http);
        }
        finally
        {
            calls.RecordServiceTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task ServeAsync(HttpContext http)
    {
        var request = new AwsQueryRequest(await ReadParametersAsync(http.Request, http.RequestAborted));
        var caller = Caller(http);
        var action = request.Action;
        var service = ActionCatalog.ServiceOf(request.Version, action);
        calls.Record(action);
        if (faults.Latency > TimeSpan.Zero) await Task.Delay(faults.Latency, http.RequestAborted);
        var requestId = account.Ids.Uuid();
        var definition = ActionCatalog.Find(service, action);
        if (definition is null)
        {
            var unknown = action.Length == 0
                ? new AwsApiException("MissingAction", "The request must contain the parameter Action")
                : new AwsApiException("InvalidAction", $"The action {action} is not valid for this web service.");
            if (action.Length > 0) options.UnimplementedAction?.Invoke(service.ToString().ToUpperInvariant(), action);
            await WriteAsync(http, unknown.HttpStatus, ErrorBody(service, unknown, requestId), requestId);
            return;
        }
        if (faults.Draw(action) is { } fault)
        {
            if (fault != FaultKind.Timeout)
            {
                var injected = FaultError(service, fault);
                lock (account.Gate) EmitFailure(definition, request, caller, requestId, injected);
                await WriteAsync(http, injected.HttpStatus, ErrorBody(service, injected, requestId), requestId);
                return;
            }
            try
            {
                await Task.Delay(faults.TimeoutDelay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up: the call never happened.
                return;
            }
        }
        var (status, body) = Execute(definition, request, caller, requestId);
        await WriteAsync(http, status, body, requestId);
    }

    private (int Status, byte[] Body) Execute(ActionDefinition definition, AwsQueryRequest request, CallerInfo caller, string requestId)
    {
        lock (account.Gate)
        {
            var checkpoint = definition.Mutating ? account.Checkpoint() : null;
            try
            {
                var outcome = definition.Handler(new ActionContext(request, account) { Options = options });
                var body = definition.Service == AwsService.Ec2
                    ? Ec2Xml.Response(definition.Name, requestId, outcome.Response)
                    : RdsXml.Response(definition.Name, requestId, outcome.Response, QueryNamespace(definition.Service));
                if (definition.Mutating) EmitSuccess(definition, request, caller, requestId, outcome);
                return (200, body);
            }
            catch (AwsApiException error)
            {
                if (checkpoint is not null) account.Restore(checkpoint);
                EmitFailure(definition, request, caller, requestId, error);
                return (error.HttpStatus, ErrorBody(definition.Service, error, requestId));
            }
#pragma warning disable CA1031 // An emulator bug must answer like a server fault, not kill the connection.
            catch (Exception bug)
#pragma warning restore CA1031
            {
                if (checkpoint is not null) account.Restore(checkpoint);
                var error = new AwsApiException("InternalError", "An internal error has occurred: " + bug.Message, 500);
                return (500, ErrorBody(definition.Service, error, requestId));
            }
        }
    }

    private void EmitSuccess(ActionDefinition definition, AwsQueryRequest request, CallerInfo caller, string requestId, ActionOutcome outcome)
    {
        var now = account.Now;
        JsonNode? response = definition.Style switch
        {
            CloudTrailStyle.Ec2Classic => CloudTrailJson.Ec2Response(requestId, outcome.Response),
            CloudTrailStyle.Ec2QueryEnvelope => CloudTrailJson.Ec2EnvelopeResponse(definition.Name, requestId, outcome.Response),
            _ => CloudTrailJson.Rds(outcome.CloudTrailResponse ?? outcome.Response),
        };
        events.Append(eventFactory.ApiCall(definition.Service, definition.Name, caller, now, requestId,
            RequestParameters(definition, request), response, error: null));
        foreach (var (instanceId, state) in outcome.InstanceStateChanges)
            events.Append(eventFactory.InstanceStateChange(instanceId, state, now));
    }

    private void EmitFailure(ActionDefinition definition, AwsQueryRequest request, CallerInfo caller, string requestId, AwsApiException error)
    {
        if (!definition.Mutating || !options.EmitFailedCallEvents) return;
        events.Append(eventFactory.ApiCall(definition.Service, definition.Name, caller, account.Now, requestId,
            RequestParameters(definition, request), responseElements: null, error));
    }

    private static JsonNode? RequestParameters(ActionDefinition definition, AwsQueryRequest request)
    {
        try
        {
            return definition.RequestParameters?.Invoke(request);
        }
        catch (AwsApiException)
        {
            return null;
        }
    }

    private static AwsApiException FaultError(AwsService service, FaultKind fault) => (service, fault) switch
    {
        (AwsService.Ec2, FaultKind.Throttling) => new("RequestLimitExceeded", "Request limit exceeded.", 503),
        (AwsService.Ec2, FaultKind.Unavailable) => new("Unavailable", "The server is overloaded and can't handle the request.", 503),
        (AwsService.Ec2, _) => new("InternalError", "An internal error has occurred.", 500),
        (_, FaultKind.Throttling) => new("Throttling", "Rate exceeded", 400),
        (_, FaultKind.Unavailable) => new("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503),
        _ => new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500),
    };

    private static byte[] ErrorBody(AwsService service, AwsApiException error, string requestId) =>
        service == AwsService.Ec2
            ? Ec2Xml.Error(error.Code, error.Message, requestId)
            : RdsXml.Error(error.Code, error.Message, requestId, sender: error.HttpStatus < 500, QueryNamespace(service));

    private static string QueryNamespace(AwsService service) => service == AwsService.Sts ? Sts.StsActions.XmlNamespace : RdsXml.Namespace;

    private static async Task<IEnumerable<KeyValuePair<string, string>>> ReadParametersAsync(HttpRequest request, CancellationToken cancel)
    {
        var parameters = request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())).ToList();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancel);
            parameters.AddRange(form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())));
        }
        return parameters;
    }

    /// <summary>The access key from the SigV4 credential scope (<c>Credential=AKID/date/region/service/aws4_request</c>).</summary>
    private static CallerInfo Caller(HttpContext http)
    {
        string? accessKey = null;
        var authorization = http.Request.Headers.Authorization.ToString();
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start >= 0)
        {
            var scope = authorization[(start + "Credential=".Length)..];
            var slash = scope.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0) accessKey = scope[..slash];
        }
        return new CallerInfo(accessKey, http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");
    }

    private static async Task WriteAsync(HttpContext http, int status, byte[] body, string requestId)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/xml;charset=UTF-8";
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
