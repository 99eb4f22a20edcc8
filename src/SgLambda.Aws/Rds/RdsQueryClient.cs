using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using SgLambda.Aws.Wire;

namespace SgLambda.Aws.Rds;

/// <summary>
/// <see cref="IAmazonRDS"/> over the RDS Query API: form-encoded POSTs (<c>Action</c>, <c>Version=2014-10-31</c>),
/// SigV4-signed by AWSSDK.Core's <see cref="AWS4Signer"/> through <see cref="SignedPostClient"/>, XML answers. Throttling, 5xx and transport
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

    private static readonly SignedPostService Service = new(SigningName, "RDS", ApiVersion, FormContentType, RetryableCodes);
    private static readonly Dictionary<string, string> NoHeaders = [];

    private readonly SignedPostClient _client;

    /// <param name="credentials">The caller's credentials (the default chain in production).</param>
    /// <param name="options">Region, endpoint, retries.</param>
    /// <param name="handler">The HTTP handler (a stub in tests); the client owns it.</param>
    public RdsQueryClient(AWSCredentials credentials, RdsQueryClientOptions options, HttpMessageHandler? handler = null) =>
        _client = new SignedPostClient(credentials, options, Service, handler);

    public Uri Endpoint => _client.Endpoint;

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

    public void Dispose() => _client.Dispose();

    private Task<XElement> CallAsync(string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        _client.PostAsync(
            Encoding.UTF8.GetBytes(RdsQueryParameters.FormEncode(parameters)),
            NoHeaders,
            text => RdsResponseReader.Result(text, action),
            (text, status, _) => RdsResponseReader.Error(text, status),
            cancellationToken);
}
