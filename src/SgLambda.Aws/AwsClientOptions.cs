using Amazon.Runtime;

namespace SgLambda.Aws;

/// <summary>How SgLambda's AWS clients reach AWS: region, optional endpoints (emulators), retries.</summary>
public sealed record AwsClientOptions
{
    public required string Region { get; init; }
    /// <summary>Overrides the EC2 endpoint (an emulator); signing still uses <see cref="Region"/>.</summary>
    public string? Ec2ServiceUrl { get; init; }
    /// <summary>Overrides <c>https://rds.&lt;region&gt;.amazonaws.com</c>.</summary>
    public string? RdsServiceUrl { get; init; }
    /// <summary>Retries after the first attempt, for throttling, 5xx and transport errors.</summary>
    public int MaxErrorRetry { get; init; } = 8;
    /// <summary>Standard (capped exponential backoff) or Adaptive (also rate-limits the client when throttled).</summary>
    public RequestRetryMode RetryMode { get; init; } = RequestRetryMode.Standard;
    /// <summary>Per attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Options for <paramref name="region"/> with the AWS SDKs' standard endpoint variables (VPC endpoints,
    /// proxies, emulators): <c>AWS_ENDPOINT_URL_EC2</c>, <c>AWS_ENDPOINT_URL_RDS</c>, else <c>AWS_ENDPOINT_URL</c>.
    /// </summary>
    public static AwsClientOptions FromEnvironment(string region, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        environment ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var shared = Get("AWS_ENDPOINT_URL");
        return new AwsClientOptions
        {
            Region = region,
            Ec2ServiceUrl = Get("AWS_ENDPOINT_URL_EC2") ?? shared,
            RdsServiceUrl = Get("AWS_ENDPOINT_URL_RDS") ?? shared,
        };
    }
}
