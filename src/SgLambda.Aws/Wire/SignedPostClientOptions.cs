namespace SgLambda.Aws.Wire;

/// <summary>Where and how a <see cref="SignedPostClient"/> calls an AWS service: region, endpoint, retries, clock.</summary>
public abstract record SignedPostClientOptions
{
    /// <summary>The region to sign for and, without <see cref="ServiceUrl"/>, to call.</summary>
    public required string Region { get; init; }
    /// <summary>Overrides <c>https://&lt;endpoint prefix&gt;.&lt;region&gt;.amazonaws.com</c> (an emulator in tests).</summary>
    public string? ServiceUrl { get; init; }
    /// <summary>Retries after the first attempt, for throttling, 5xx and transport errors.</summary>
    public int MaxErrorRetry { get; init; } = 8;
    /// <summary>Backoff: a random delay up to base * 2^attempt, capped at <see cref="MaxRetryDelay"/> (full jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Per attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The clock for signing and backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The endpoint the client posts to.</summary>
    public Uri Endpoint => new(ServiceUrl is { Length: > 0 } url ? url : $"https://{EndpointPrefix}.{Region}.amazonaws.com/");

    /// <summary>The service's host prefix in its regional endpoint (<c>rds</c>, <c>logs</c>).</summary>
    protected abstract string EndpointPrefix { get; }
}
