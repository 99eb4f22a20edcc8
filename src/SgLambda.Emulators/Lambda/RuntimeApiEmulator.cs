using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SgLambda.Emulators.Lambda;

/// <summary>
/// A loopback Lambda Runtime API (version 2018-06-01) for custom runtimes: set <c>AWS_LAMBDA_RUNTIME_API</c> to
/// <see cref="RuntimeApi"/>. Tests enqueue invocations (<see cref="Enqueue(RuntimeInvocation)"/>), which
/// <c>GET /runtime/invocation/next</c> hands out one at a time (long-polling until one is queued or the emulator
/// stops), and await what the runtime posted back: a response, an invocation error, or an init error
/// (<see cref="InitError"/>). Status codes and error documents are those of Lambda's runtime interface emulator:
/// 202 <c>{"status":"OK"}</c>; 400 <c>InvalidRequestID</c> for an id not handed out or already answered; 403
/// <c>InvalidStateTransition</c> for next while an invocation is unanswered, or an init error after init;
/// 413 <c>RequestEntityTooLarge</c> above 6 MiB; 500 on next when the emulator stops.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    /// <summary>Lambda's limit on a synchronous response (6 MiB).</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    private const string Prefix = "/2018-06-01/runtime/";
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RuntimeInvocationOutcome> _outcomes = new();
    private readonly TaskCompletionSource<RuntimeErrorReport> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private int _handedOut;
    private int _disposed;

    private RuntimeApiEmulator(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>host:port, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string RuntimeApi { get; private set; } = "";

    /// <summary>Completes when the runtime posts <c>/runtime/init/error</c>.</summary>
    public Task<RuntimeErrorReport> InitError => _initError.Task;

    /// <summary>Completes when the runtime first asks for the next invocation: init is over.</summary>
    public Task FirstNextRequest => _firstNext.Task;

    /// <summary>How many invocations <c>next</c> has handed out.</summary>
    public int InvocationsHandedOut => Volatile.Read(ref _handedOut);

    /// <summary>Every finished invocation, in the order they finished.</summary>
    public IReadOnlyList<RuntimeInvocationOutcome> Outcomes => [.. _outcomes];

    public static async Task<RuntimeApiEmulator> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var emulator = new RuntimeApiEmulator(time ?? TimeProvider.System);
        // No arguments and the assembly's own folder: nothing from the caller's command line or working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(emulator.HandleAsync);
        emulator._app = app;
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        emulator.RuntimeApi = address.Authority;
        return emulator;
    }

    /// <summary>Queues an invocation; the task completes when the runtime answers it.</summary>
    public Task<RuntimeInvocationOutcome> Enqueue(RuntimeInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var pending = new PendingInvocation(invocation);
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("the emulator has stopped");
        return pending.Outcome.Task;
    }

    /// <summary>Queues an event with a new request id and the default headers.</summary>
    public Task<RuntimeInvocationOutcome> Enqueue(string eventJson) => Enqueue(new RuntimeInvocation(eventJson));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Long-polling next requests answer 500 at once, so stopping waits for nothing.
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
        while (_queue.Reader.TryRead(out var queued)) queued.Outcome.TrySetCanceled();
        foreach (var pending in _inFlight.Values) pending.Outcome.TrySetCanceled();
        _stopping.Dispose();
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal)) return Status(context, HttpStatusCode.NotFound, "NotFound", "no such path");
        var segments = path[Prefix.Length..].Split('/');
        var isGet = HttpMethods.IsGet(context.Request.Method);
        var isPost = HttpMethods.IsPost(context.Request.Method);
        return segments switch
        {
            ["invocation", "next"] when isGet => NextAsync(context),
            ["invocation", var id, "response"] when isPost => ResponseAsync(context, Uri.UnescapeDataString(id)),
            ["invocation", var id, "error"] when isPost => InvocationErrorAsync(context, Uri.UnescapeDataString(id)),
            ["init", "error"] when isPost => InitErrorAsync(context),
            ["invocation", "next"] or ["invocation", _, "response" or "error"] or ["init", "error"] =>
                Status(context, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", context.Request.Method + " is not allowed here"),
            _ => Status(context, HttpStatusCode.NotFound, "NotFound", "no such path"),
        };
    }

    private async Task NextAsync(HttpContext context)
    {
        if (!_inFlight.IsEmpty)
        {
            await Status(context, HttpStatusCode.Forbidden, "InvalidStateTransition", "next requested while an invocation is unanswered");
            return;
        }

        PendingInvocation pending;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        _firstNext.TrySetResult();
        try
        {
            pending = await _queue.Reader.ReadAsync(waiting.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            if (!context.RequestAborted.IsCancellationRequested)
                await Status(context, HttpStatusCode.InternalServerError, "ServiceStopped", "the Runtime API emulator stopped");
            return;
        }

        var invocation = pending.Invocation;
        _inFlight[invocation.RequestId] = pending;
        Interlocked.Increment(ref _handedOut);
        var deadline = _time.GetUtcNow() + invocation.Timeout;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn;
        if (invocation.TraceId is not null) headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(invocation.Event), context.RequestAborted);
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        var body = await ReadLimitedAsync(context);
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            await InvalidRequestId(context);
            return;
        }
        if (body is null)
        {
            // As Lambda: the invocation fails with the size error and the runtime is told 413.
            Finish(pending, new RuntimeInvocationOutcome(requestId, null, new RuntimeErrorReport("Function.ResponseSizeTooLarge", "application/json",
                ErrorJson("Function.ResponseSizeTooLarge", $"Response payload size exceeded maximum allowed payload size ({MaxPayloadBytes} bytes)."))));
            await Status(context, HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({MaxPayloadBytes} bytes).");
            return;
        }
        Finish(pending, new RuntimeInvocationOutcome(requestId, Encoding.UTF8.GetString(body), null));
        await Accepted(context);
    }

    private async Task InvocationErrorAsync(HttpContext context, string requestId)
    {
        var body = await ReadLimitedAsync(context);
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            await InvalidRequestId(context);
            return;
        }
        Finish(pending, new RuntimeInvocationOutcome(requestId, null, ErrorReport(context, body)));
        await Accepted(context);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadLimitedAsync(context);
        if (InvocationsHandedOut > 0 || _initError.Task.IsCompleted)
        {
            await Status(context, HttpStatusCode.Forbidden, "InvalidStateTransition", "init error reported after init");
            return;
        }
        var report = ErrorReport(context, body);
        _initError.TrySetResult(report);
        // Lambda answers the invocation that started the environment with the init error.
        if (_queue.Reader.TryRead(out var first)) Finish(first, new RuntimeInvocationOutcome(first.Invocation.RequestId, null, report));
        await Accepted(context);
    }

    private void Finish(PendingInvocation pending, RuntimeInvocationOutcome outcome)
    {
        _outcomes.Enqueue(outcome);
        pending.Outcome.TrySetResult(outcome);
    }

    private static RuntimeErrorReport ErrorReport(HttpContext context, byte[]? body) => new(
        context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(),
        context.Request.ContentType,
        body is null ? "" : Encoding.UTF8.GetString(body));

    /// <summary>The request body, or null when it is larger than <see cref="MaxPayloadBytes"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxPayloadBytes) return null;
        }
        return buffer.ToArray();
    }

    private static Task Accepted(HttpContext context) => Json(context, HttpStatusCode.Accepted, """{"status":"OK"}""");

    private static Task InvalidRequestId(HttpContext context) => Status(context, HttpStatusCode.BadRequest, "InvalidRequestID", "Invalid request ID");

    private static Task Status(HttpContext context, HttpStatusCode status, string errorType, string message) =>
        Json(context, status, ErrorJson(errorType, message));

    private static string ErrorJson(string errorType, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", message);
            json.WriteString("errorType", errorType);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task Json(HttpContext context, HttpStatusCode status, string json)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
