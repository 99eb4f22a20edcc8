using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace SgLambda.Aws.Wire;

/// <summary>
/// POSTs a body to <c>/</c> of an AWS service, SigV4-signed (header form) by AWSSDK.Core's <see cref="AWS4Signer"/>.
/// Throttling, 5xx and transport errors are retried with capped exponential backoff and full jitter, as the
/// SDKs' standard retry mode does; each attempt has its own timeout. The protocol (body, answer, errors) is the caller's.
/// </summary>
internal sealed class SignedPostClient : IDisposable
{
    private readonly AWSCredentials _credentials;
    private readonly SignedPostClientOptions _options;
    private readonly SignedPostService _service;
    private readonly HttpClient _http;
    private readonly SigningClientConfig _signingConfig;

    /// <param name="credentials">The caller's credentials (the default chain in production).</param>
    /// <param name="options">Region, endpoint, retries.</param>
    /// <param name="service">The service to sign for and its retryable error codes.</param>
    /// <param name="handler">The HTTP handler (a stub in tests); the client owns it.</param>
    public SignedPostClient(AWSCredentials credentials, SignedPostClientOptions options, SignedPostService service, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxErrorRetry);
        _credentials = credentials;
        _options = options;
        _service = service;
        Endpoint = options.Endpoint;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per attempt, below
        };
        _signingConfig = new SigningClientConfig(service.SigningName, service.ApiVersion, options.Region, Endpoint);
    }

    public Uri Endpoint { get; }

    /// <summary>Posts <paramref name="body"/> until it succeeds, fails for good, or the retries run out.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="headers">Headers to sign and send besides Content-Type and the security token.</param>
    /// <param name="readResult">Reads a 2xx answer's body.</param>
    /// <param name="readError">Reads an error answer: body, status and request id (<c>x-amzn-RequestId</c>, if any).</param>
    /// <param name="cancellationToken">The caller's cancellation; never retried.</param>
    public async Task<T> PostAsync<T>(
        byte[] body,
        IReadOnlyDictionary<string, string> headers,
        Func<string, T> readResult,
        Func<string, HttpStatusCode, string?, AmazonServiceException> readError,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var message = await SignedRequestAsync(body, headers);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.Timeout);
                using var response = await _http.SendAsync(message, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode) return readResult(text);
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                var error = readError(text, response.StatusCode, requestId);
                if (!IsRetryable(error) || attempt >= _options.MaxErrorRetry) throw error;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < _options.MaxErrorRetry)
            {
                // A dropped connection or a timed-out attempt: try again below.
            }
            await Task.Delay(Backoff(attempt), _options.TimeProvider, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A POST with the body, signed (SigV4, header form) for the current time.</summary>
    private async Task<HttpRequestMessage> SignedRequestAsync(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var identity = await _credentials.GetCredentialsAsync();
        var request = new DefaultRequest(new SignedPostRequest(), _service.ServiceName)
        {
            HttpMethod = "POST",
            Endpoint = Endpoint,
            ResourcePath = "/",
            Content = body,
            AuthenticationRegion = _options.Region,
            OverrideSigningServiceName = _service.SigningName,
        };
        request.Headers["Content-Type"] = _service.ContentType;
        foreach (var (name, value) in headers) request.Headers[name] = value;
        if (identity.UseToken) request.Headers["X-Amz-Security-Token"] = identity.Token;
        var signedAt = _options.TimeProvider.GetUtcNow().UtcDateTime;
        var signature = new AWS4Signer().SignRequest(request, _signingConfig, null, identity.AccessKey, identity.SecretKey, signedAt);

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", _service.ContentType);
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.Equals(name, "host", StringComparison.OrdinalIgnoreCase)) message.Headers.Host = value;
            else message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return message;
    }

    private bool IsRetryable(AmazonServiceException error) =>
        (int)error.StatusCode >= 500 || _service.RetryableCodes.Contains(error.ErrorCode ?? "");

    /// <summary>Transport failures and per-attempt timeouts; never the caller's own cancellation.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException;

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
