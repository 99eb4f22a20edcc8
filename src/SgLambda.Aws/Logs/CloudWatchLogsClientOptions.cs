namespace SgLambda.Aws.Logs;

/// <summary>Where and how <see cref="CloudWatchLogsJsonClient"/> calls CloudWatch Logs.</summary>
public sealed record CloudWatchLogsClientOptions
{
    /// <summary>The region to sign for and, without <see cref="ServiceUrl"/>, to call.</summary>
    public required string Region { get; init; }
    /// <summary>Overrides <c>https://logs.&lt;region&gt;.amazonaws.com</c> (an emulator in tests).</summary>
    public string? ServiceUrl { get; init; }
    /// <summary>Retries after the first attempt, for throttling, 5xx and transport errors.</summary>
    public int MaxErrorRetry { get; init; } = 8;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Per attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The clock for signing and backoff.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    public Uri Endpoint => new(ServiceUrl is { Length: > 0 } url ? url : $"https://logs.{Region}.amazonaws.com/");
}
