using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace SgLambda.Functions.Lambda;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) over HTTP: next invocation, response, invocation error and
/// init error. The HttpClient has no timeout: <c>next</c> long-polls, and Lambda freezes the process
/// between invocations.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="runtimeApi">host:port, as Lambda sets <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="handler">The HTTP stack (tests may pass their own); disposed with the client.</param>
    public RuntimeApiClient(string runtimeApi, HttpMessageHandler? handler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/", UriKind.Absolute),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Waits for the next invocation (however long Lambda takes to send one).</summary>
    public async Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("invocation/next", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new RuntimeApiException("GET invocation/next", response.StatusCode, System.Text.Encoding.UTF8.GetString(body));

        var requestId = Header(response, RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException("GET invocation/next", response.StatusCode, $"no {RuntimeApiHeaders.RequestId} header");
        var deadline = long.TryParse(Header(response, RuntimeApiHeaders.DeadlineMs), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : throw new RuntimeApiException("GET invocation/next", response.StatusCode, $"no valid {RuntimeApiHeaders.DeadlineMs} header");
        return new LambdaInvocation(requestId, deadline, Header(response, RuntimeApiHeaders.InvokedFunctionArn) ?? "", Header(response, RuntimeApiHeaders.TraceId), body);
    }

    /// <summary>Posts the function's result; returns the status (202, or 400/413 which the caller logs).</summary>
    public async Task<HttpStatusCode> PostResponseAsync(string requestId, Stream output, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(output);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, null, cancellationToken);
    }

    /// <summary>Posts an invocation error; the process carries on with the next invocation.</summary>
    public async Task<HttpStatusCode> PostInvocationErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = ErrorContent(error);
        return await PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", content, error.ErrorType, cancellationToken);
    }

    /// <summary>Posts an init error; the runtime exits after it.</summary>
    public async Task<HttpStatusCode> PostInitErrorAsync(LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = ErrorContent(error);
        return await PostAsync("init/error", content, error.ErrorType, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(LambdaError error)
    {
        var content = new ByteArrayContent(error.ToJson());
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeApiHeaders.ErrorContentType);
        return content;
    }

    private async Task<HttpStatusCode> PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        if (errorType is not null) request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        using var response = await _http.SendAsync(request, cancellationToken);
        // 500: "Container error. Non-recoverable state. Runtime should exit promptly."
        if (response.StatusCode == HttpStatusCode.InternalServerError)
            throw new RuntimeApiException("POST " + path, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        return response.StatusCode;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
