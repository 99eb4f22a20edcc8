namespace SgLambda.Kubernetes;

/// <summary>
/// How the adapter retries throttling (429, honouring <c>Retry-After</c>), server errors (5xx) and timeouts:
/// bounded exponential backoff with jitter.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="BaseDelay">The delay before the first retry; doubled for each further retry.</param>
/// <param name="MaxDelay">The longest backoff between two attempts.</param>
/// <param name="AttemptTimeout">How long one attempt may take before it counts as timed out (and is retried).</param>
/// <param name="MaxRetryAfter">The longest <c>Retry-After</c> honoured.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, TimeSpan MaxRetryAfter)
{
    /// <summary>Six attempts, 200 ms doubling to at most 10 s, 30 s per attempt, Retry-After up to 60 s.</summary>
    public static RetryPolicy Default { get; } = new(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    /// <summary>
    /// The backoff before retry number <paramref name="retry"/> (0 for the first retry): the exponential delay
    /// capped at <see cref="MaxDelay"/>, with "equal jitter" (half fixed, half random, from <paramref name="random"/> in [0, 1)).
    /// </summary>
    public TimeSpan Backoff(int retry, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * Math.Clamp(random, 0, 1)));
    }
}
