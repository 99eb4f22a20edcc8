using System.Net;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions.Lambda;

/// <summary>
/// The custom runtime's loop (named as Amazon.Lambda.RuntimeSupport's class, which is not available here):
/// build the function once (init), then forever take the next invocation, call the function and post its
/// response, or its error. A failing invocation is reported and the loop goes on; a failing init is
/// reported to <c>/runtime/init/error</c> and ends the process. Trimming- and AOT-safe.
/// </summary>
public sealed class LambdaBootstrap : IDisposable
{
    /// <summary>Exit code after an init error (reported to the Runtime API first).</summary>
    public const int InitFailedExitCode = 1;
    /// <summary>Exit code when the Runtime API is gone or answers 500 ("Runtime should exit promptly").</summary>
    public const int RuntimeApiFailedExitCode = 2;

    private readonly Func<LambdaHandler> _handlerFactory;
    private readonly RuntimeApiClient _client;
    private readonly string _functionName;
    private readonly StructuredLogger _logger;
    private readonly TimeProvider _time;

    /// <param name="handlerFactory">Builds the function at init; what it throws is an init error.</param>
    /// <param name="client">The Runtime API; disposed with the bootstrap.</param>
    /// <param name="functionName">For the context (Lambda sets <c>AWS_LAMBDA_FUNCTION_NAME</c>).</param>
    /// <param name="logger">Where the bootstrap logs its own failures.</param>
    /// <param name="time">The clock the context's remaining time is read from.</param>
    public LambdaBootstrap(Func<LambdaHandler> handlerFactory, RuntimeApiClient client, string functionName, StructuredLogger logger, TimeProvider time)
    {
        _handlerFactory = handlerFactory;
        _client = client;
        _functionName = functionName;
        _logger = logger;
        _time = time;
    }

    /// <summary>Stop after this many invocations (tests and benchmarks); null serves until cancelled.</summary>
    public int? InvocationLimit { get; init; }

    /// <summary>The bootstrap Lambda runs: the Runtime API from <c>AWS_LAMBDA_RUNTIME_API</c>, logs on standard output.</summary>
    public static LambdaBootstrap FromEnvironment(Func<LambdaHandler> handlerFactory)
    {
        var runtimeApi = Environment.GetEnvironmentVariable(EnvironmentVariables.RuntimeApi);
        if (string.IsNullOrWhiteSpace(runtimeApi))
            throw new ConfigurationException(EnvironmentVariables.RuntimeApi, "required: host:port of the Lambda Runtime API (Lambda sets it)");
        var functionName = Environment.GetEnvironmentVariable(EnvironmentVariables.FunctionName) ?? "sglambda";
        var logger = new StructuredLogger(Console.Out, LogLevel.Information, TimeProvider.System);
        return new LambdaBootstrap(handlerFactory, new RuntimeApiClient(runtimeApi.Trim()), functionName, logger, TimeProvider.System);
    }

    /// <summary>Runs init, then the invocation loop; returns the process's exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        LambdaHandler handler;
        try
        {
            handler = _handlerFactory();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.Error("init failed", Fields(null, e));
            try
            {
                var status = await _client.PostInitErrorAsync(LambdaError.From(e), cancellationToken);
                if (status != HttpStatusCode.Accepted) _logger.Error("init error not accepted", Fields(null, null, status));
            }
            catch (Exception post) when (post is HttpRequestException or RuntimeApiException or OperationCanceledException)
            {
                _logger.Error("init error not reported", Fields(null, post));
            }
            return InitFailedExitCode;
        }

        try
        {
            for (var served = 0; InvocationLimit is not { } limit || served < limit; served++)
            {
                var invocation = await _client.GetNextInvocationAsync(cancellationToken);
                await InvokeAsync(handler, invocation, cancellationToken);
            }
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or RuntimeApiException)
        {
            _logger.Error("Runtime API failed; exiting", Fields(null, e));
            return RuntimeApiFailedExitCode;
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task InvokeAsync(LambdaHandler handler, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        // The AWS SDKs read the X-Ray trace of the current invocation from the environment.
        Environment.SetEnvironmentVariable(RuntimeApiHeaders.TraceIdVariable, invocation.TraceId);
        var context = new LambdaContext(invocation.RequestId, _functionName, invocation.InvokedFunctionArn, invocation.Deadline, _time);
        Stream output;
        try
        {
            using var input = new MemoryStream(invocation.Event, writable: false);
            output = await handler(input, context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The function logged it; Lambda retries the event and finally sends it to the dead-letter queue.
            var status = await _client.PostInvocationErrorAsync(invocation.RequestId, LambdaError.From(e), cancellationToken);
            if (status != HttpStatusCode.Accepted) _logger.Error("invocation error not accepted", Fields(invocation.RequestId, null, status));
            return;
        }

        await using (output)
        {
            var status = await _client.PostResponseAsync(invocation.RequestId, output, cancellationToken);
            // 413: Lambda fails the invocation itself; 400: it is no longer waiting for this request.
            if (status != HttpStatusCode.Accepted) _logger.Error("response not accepted", Fields(invocation.RequestId, null, status));
        }
    }

    private Dictionary<string, object?> Fields(string? requestId, Exception? error, HttpStatusCode? status = null)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal) { ["function"] = _functionName };
        if (requestId is not null) fields["requestId"] = requestId;
        if (error is not null) fields["error"] = error.GetType().Name + ": " + error.Message;
        if (status is { } code) fields["status"] = (int)code;
        return fields;
    }
}
