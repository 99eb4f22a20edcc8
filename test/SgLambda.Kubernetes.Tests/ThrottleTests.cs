using System.Net;
using k8s.Autorest;

namespace SgLambda.Kubernetes.Tests;

/// <summary>A 429 holds back every request of the store for its Retry-After, not only the one answered.</summary>
public class ThrottleTests
{
    private static readonly RetryPolicy Policy = new(6, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));

    [Test]
    public async Task A_request_started_while_another_waits_out_a_429_waits_with_it()
    {
        var clock = new Clock();
        var happened = new List<string>();
        KubernetesRetry retry = null!;
        var attemptsOfA = 0;
        retry = new KubernetesRetry(Policy, async (wait, token) =>
        {
            happened.Add($"wait {wait.TotalSeconds}s");
            if (happened.Count(h => h.StartsWith("wait", StringComparison.Ordinal)) == 1)
            {
                // While A waits out its Retry-After, B starts.
                await retry.RunAsync("B", _ =>
                {
                    happened.Add("B attempt");
                    return Task.FromResult(true);
                }, retryConflicts: false, token);
            }
            clock.Now += wait;
        }, seed: 1, time: clock);

        await retry.RunAsync("A", _ =>
        {
            happened.Add("A attempt");
            return ++attemptsOfA == 1 ? throw Throttled(retryAfterSeconds: 3) : Task.FromResult(true);
        }, retryConflicts: false, CancellationToken.None);

        Assert.That(happened, Is.EqualTo(new[] { "A attempt", "wait 3s", "wait 3s", "B attempt", "A attempt" }));
    }

    [Test]
    public async Task Without_a_429_no_request_waits()
    {
        var waits = new List<TimeSpan>();
        var retry = new KubernetesRetry(Policy, (wait, _) =>
        {
            waits.Add(wait);
            return Task.CompletedTask;
        }, seed: 1, time: new Clock());
        var attempts = 0;
        await retry.RunAsync("A", _ => ++attempts == 1 ? throw new HttpRequestException("reset") : Task.FromResult(true), retryConflicts: false, CancellationToken.None);
        await retry.RunAsync("B", _ => Task.FromResult(true), retryConflicts: false, CancellationToken.None);
        Assert.That(waits, Has.Count.EqualTo(1), "only A's own backoff");
    }

    private static HttpOperationException Throttled(int retryAfterSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new HttpOperationException("429") { Response = new HttpResponseMessageWrapper(response, """{"kind":"Status","code":429}""") };
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
