using System.Diagnostics;
using System.Net;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Per-request latency and a concurrency limit answered with 429, as a loaded API server behaves.</summary>
public class LoadTests : EmulatorTest
{
    [Test]
    public async Task Every_request_takes_at_least_the_injected_latency()
    {
        Emulator.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var timer = Stopwatch.StartNew();
        var created = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(timer.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300)));
    }

    [Test]
    public async Task A_request_beyond_the_concurrency_limit_is_answered_429_with_Retry_After_and_changes_nothing()
    {
        Emulator.Faults.ConcurrencyLimit = 1;
        // Held long enough that the two requests overlap even on a busy machine.
        Emulator.Faults.Latency = TimeSpan.FromSeconds(2);
        var answers = await Task.WhenAll(Client.PostAsync(Path(V1, "tiers"), Tier(V1, "a")), Client.PostAsync(Path(V1, "tiers"), Tier(V1, "b")));

        Assert.That(answers.Select(a => a.Code), Is.EquivalentTo(new[] { HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        var throttled = answers.Single(a => a.Code == HttpStatusCode.TooManyRequests);
        Assert.That(throttled.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(Emulator.List(V1, "Tier"), Has.Count.EqualTo(1));

        Emulator.Faults.Latency = TimeSpan.Zero;
        var alone = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "c"));
        Assert.That(alone.Code, Is.EqualTo(HttpStatusCode.Created), "a seat is given back when its request ends");
    }
}
