using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace SgLambda.Kubernetes;

/// <summary>
/// Runs API requests with <see cref="RetryPolicy"/>: retries 429 (after <c>Retry-After</c>), 5xx, timeouts
/// and connection failures (and, when asked, 409), never other 4xx. A request that fails for good becomes a
/// <see cref="KubernetesRequestException"/> carrying the server's Status.
/// </summary>
public sealed class KubernetesRetry
{
    private readonly RetryPolicy _policy;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Random _jitter;
    private readonly Lock _gate = new();

    /// <param name="policy">Attempts, backoff and timeouts.</param>
    /// <param name="delay">How to wait between attempts (<see cref="Task.Delay(TimeSpan, CancellationToken)"/> unless a test records the waits).</param>
    /// <param name="seed">Seed of the jitter (random when null).</param>
    public KubernetesRetry(RetryPolicy policy, Func<TimeSpan, CancellationToken, Task>? delay = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policy.MaxAttempts);
        _policy = policy;
        _delay = delay ?? Task.Delay;
        _jitter = seed is { } value ? new Random(value) : new Random();
    }

    public RetryPolicy Policy => _policy;

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails with something not worth retrying, or attempts run out.</summary>
    /// <param name="operation">What is attempted, for error messages (<c>apply Tier sg-local</c>).</param>
    /// <param name="attempt">One attempt; gets a token that fires at the attempt timeout or when the caller cancels.</param>
    /// <param name="retryConflicts">Whether 409 Conflict is retried (server-side apply: yes).</param>
    /// <param name="cancellationToken">Stops waiting and retrying.</param>
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> attempt, bool retryConflicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            Exception failure;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_policy.AttemptTimeout);
                try
                {
                    return await attempt(timeout.Token);
                }
                catch (OperationCanceledException canceled) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException($"{operation}: no answer within {_policy.AttemptTimeout}", canceled);
                }
                catch (Exception error) when (error is HttpOperationException or HttpRequestException or TimeoutException)
                {
                    failure = error;
                }
            }

            var (retry, retryAfter) = Classify(failure, retryConflicts);
            if (!retry || number >= _policy.MaxAttempts) throw ToRequestException(operation, failure);
            var wait = retryAfter is { } serverWait
                ? TimeSpan.FromTicks(Math.Min(serverWait.Ticks, _policy.MaxRetryAfter.Ticks))
                : _policy.Backoff(number - 1, NextRandom());
            await _delay(wait, cancellationToken);
        }
    }

    /// <summary>The Status of a failed request (code, reason, message, causes), read from the response body when it is one.</summary>
    public static (HttpStatusCode? Code, string? Reason, string? Message, IReadOnlyList<KubernetesStatusCause> Causes) StatusOf(Exception error)
    {
        if (error is not HttpOperationException { Response: { } response }) return (null, null, error?.Message, []);
        try
        {
            if (JsonNode.Parse(response.Content ?? "") is JsonObject { } status && status["kind"]?.GetValue<string>() == "Status")
            {
                var causes = (status["details"]?["causes"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Select(cause => new KubernetesStatusCause(
                        cause["reason"]?.GetValue<string>(), cause["message"]?.GetValue<string>(), cause["field"]?.GetValue<string>()))
                    .ToList();
                return (response.StatusCode, status["reason"]?.GetValue<string>(), status["message"]?.GetValue<string>(), causes);
            }
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException)
        {
            // Not a Status (a proxy's error page, say): keep the raw text.
        }
        return (response.StatusCode, null, response.Content, []);
    }

    private static (bool Retry, TimeSpan? RetryAfter) Classify(Exception failure, bool retryConflicts)
    {
        if (failure is not HttpOperationException { Response: { } response }) return (true, null);
        var code = (int)response.StatusCode;
        var retry = code == 429 || code >= 500 || (retryConflicts && code == 409);
        return (retry, retry ? RetryAfter(response) : null);
    }

    // Retry-After in seconds (what the API server sends), else the Status's details.retryAfterSeconds.
    private static TimeSpan? RetryAfter(HttpResponseMessageWrapper response)
    {
        var header = response.Headers?.FirstOrDefault(pair => string.Equals(pair.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        try
        {
            if (JsonNode.Parse(response.Content ?? "")?["details"]?["retryAfterSeconds"]?.GetValue<int>() is { } detail and > 0)
                return TimeSpan.FromSeconds(detail);
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException or FormatException)
        {
            // No usable hint: back off exponentially.
        }
        return null;
    }

    private static KubernetesRequestException ToRequestException(string operation, Exception failure)
    {
        var (code, reason, message, causes) = StatusOf(failure);
        return new KubernetesRequestException(operation, code, reason, message, causes, failure);
    }

    private double NextRandom()
    {
        // Jitter only spreads retries of many clients apart; it needs no cryptographic quality.
#pragma warning disable CA5394
        lock (_gate) return _jitter.NextDouble();
#pragma warning restore CA5394
    }
}
