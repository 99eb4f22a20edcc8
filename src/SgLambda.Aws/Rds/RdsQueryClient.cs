using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace SgLambda.Aws.Rds;

/// <summary>
/// <see cref="IAmazonRDS"/> over the RDS Query API: form-encoded POSTs (<c>Action</c>, <c>Version=2014-10-31</c>),
/// SigV4-signed by AWSSDK.Core's <see cref="AWS4Signer"/>, XML answers. Throttling, 5xx and transport
/// errors are retried with capped exponential backoff and full jitter, as the SDKs' standard retry mode does.
/// </summary>
public sealed class RdsQueryClient : IAmazonRDS
{
    public const string ApiVersion = "2014-10-31";
    public const string SigningName = "rds";
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Error codes that mean "slow down" or "try again" (besides any 5xx).</summary>
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "RequestLimitExceeded", "BandwidthLimitExceeded", "SlowDown",
        "PriorRequestNotComplete", "RequestTimeout", "RequestTimeoutException", "InternalFailure",
        "InternalError", "ServiceUnavailable", "EC2ThrottledException",
    };

    private readonly AWSCredentials credentials;
    private readonly RdsQueryClientOptions options;
    private readonly HttpClient http;
    private readonly SigningClientConfig signingConfig;

    /// <param name="credentials">The caller's credentials (the default chain in production).</param>
    /// <param name="options">Region, endpoint, retries.</param>
    /// <param name="handler">The HTTP handler (a stub in tests); the client owns it.</param>
    public RdsQueryClient(AWSCredentials credentials, RdsQueryClientOptions options, HttpMessageHandler? handler = null)
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
        signingConfig = new SigningClientConfig(SigningName, ApiVersion, options.Region, Endpoint);
    }

    public Uri Endpoint { get; }

    public async Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await CallAsync("DescribeDBInstances", RdsQueryParameters.DescribeDBInstances(request), cancellationToken);
        return RdsResponseReader.DescribeDBInstances(result);
    }

    public async Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await CallAsync("ModifyDBInstance", RdsQueryParameters.ModifyDBInstance(request), cancellationToken);
        return RdsResponseReader.ModifyDBInstance(result);
    }

    public async Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await CallAsync("ModifyDBCluster", RdsQueryParameters.ModifyDBCluster(request), cancellationToken);
        return RdsResponseReader.ModifyDBCluster(result);
    }

    public void Dispose() => http.Dispose();

    private async Task<XElement> CallAsync(string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(RdsQueryParameters.FormEncode(parameters));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var message = await SignedRequestAsync(body);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                using var response = await http.SendAsync(message, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode) return RdsResponseReader.Result(text, action);
                var error = RdsResponseReader.Error(text, response.StatusCode);
                if (!IsRetryable(error) || attempt >= options.MaxErrorRetry) throw error;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < options.MaxErrorRetry)
            {
                // A dropped connection or a timed-out attempt: try again below.
            }
            await Task.Delay(Backoff(attempt), options.TimeProvider, cancellationToken);
        }
    }

    /// <summary>A POST with the form body, signed (SigV4, header form) for the current time.</summary>
    private async Task<HttpRequestMessage> SignedRequestAsync(byte[] body)
    {
        var identity = await credentials.GetCredentialsAsync();
        var request = new DefaultRequest(new RdsSigningRequest(), "RDS")
        {
            HttpMethod = "POST",
            Endpoint = Endpoint,
            ResourcePath = "/",
            Content = body,
            AuthenticationRegion = options.Region,
            OverrideSigningServiceName = SigningName,
        };
        request.Headers["Content-Type"] = FormContentType;
        if (identity.UseToken) request.Headers["X-Amz-Security-Token"] = identity.Token;
        var signedAt = options.TimeProvider.GetUtcNow().UtcDateTime;
        var signature = new AWS4Signer().SignRequest(request, signingConfig, null, identity.AccessKey, identity.SecretKey, signedAt);

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.Equals(name, "host", StringComparison.OrdinalIgnoreCase)) message.Headers.Host = value;
            else message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return message;
    }

    private static bool IsRetryable(AmazonServiceException error) =>
        (int)error.StatusCode >= 500 || RetryableCodes.Contains(error.ErrorCode ?? "");

    /// <summary>Transport failures and per-attempt timeouts; never the caller's own cancellation.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException;

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
