using System.Net;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Calico;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Kubernetes.Tests.Calico;

namespace SgLambda.Kubernetes.Tests;

public class RetryTests : StoreTest
{
    private static readonly RetryPolicy Quick = new(6, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));

    private protected override RetryPolicy Retry => Quick;

    [Test]
    public async Task Throttling_and_server_errors_are_retried_until_the_apply_succeeds()
    {
        var store = Store(V3);
        Emulator.Faults.Enqueue(FaultKind.TooManyRequests, count: 2, verb: "patch");
        Emulator.Faults.Enqueue(FaultKind.InternalError, verb: "patch");
        Emulator.Faults.Enqueue(FaultKind.ServiceUnavailable, verb: "patch");

        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);

        Assert.That(Emulator.Get(V3, "Tier", null, "sg-local"), Is.Not.Null);
        Assert.That(Emulator.Requests.Count("patch", "tiers"), Is.EqualTo(5));
        Assert.That(Waits.Take(2), Is.All.EqualTo(TimeSpan.FromSeconds(1)), "429 waits what Retry-After says");
        Assert.That(Waits.Skip(2), Is.All.InRange(TimeSpan.FromMilliseconds(50), Quick.MaxDelay), "5xx back off exponentially");
        Assert.That(Waits, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Lists_and_deletes_are_retried_too()
    {
        var store = Store(V1);
        await store.ApplyAsync(NetworkSet(V1, "pl-1"), CancellationToken.None);
        Emulator.Faults.Enqueue(FaultKind.ServiceUnavailable, count: 2, verb: "list");
        Emulator.Faults.Enqueue(FaultKind.InternalError, verb: "delete");

        var listed = await store.ListAsync(CalicoKind.GlobalNetworkSet, LabelQuery.Everything, CancellationToken.None);
        await store.DeleteAsync(listed.Single().Key, listed.Single().Metadata.ResourceVersion, CancellationToken.None);

        Assert.That(Emulator.Requests.Count("list", "globalnetworksets"), Is.EqualTo(3));
        Assert.That(Emulator.Requests.Count("delete", "globalnetworksets"), Is.EqualTo(2));
        Assert.That(Emulator.Get(V1, "GlobalNetworkSet", null, "pl-1"), Is.Null);
    }

    [Test]
    public async Task A_request_that_outlives_the_attempt_timeout_is_retried()
    {
        var store = Store(V3);
        Emulator.Faults.Delay = TimeSpan.FromSeconds(30);
        Emulator.Faults.Enqueue(FaultKind.Delay, verb: "patch");

        await store.ApplyAsync(Tier(V3, "sg-remote", 105), CancellationToken.None);

        Assert.That(Emulator.Get(V3, "Tier", null, "sg-remote"), Is.Not.Null);
        Assert.That(Emulator.Requests.Count("patch", "tiers"), Is.EqualTo(2));
    }

    [Test]
    public async Task When_attempts_run_out_the_last_failure_surfaces_with_its_status()
    {
        var store = Store(V3, policy: Quick with { MaxAttempts = 3 });
        Emulator.Faults.Enqueue(FaultKind.ServiceUnavailable, count: 10);
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await store.ApplyAsync(Tier(V3, "t", 1), CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(failure.Reason, Is.EqualTo("ServiceUnavailable"));
        Assert.That(failure.Message, Does.StartWith("apply Tier/t failed with 503 ServiceUnavailable"));
        Assert.That(Emulator.Requests.Count("patch", "tiers"), Is.EqualTo(3));
    }

    [Test]
    public void Cancellation_stops_the_retries()
    {
        var store = Store(V3);
        Emulator.Faults.Enqueue(FaultKind.ServiceUnavailable, count: 10);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(async () => await store.ApplyAsync(Tier(V3, "t", 1), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Backoff_is_bounded_jittered_and_grows_with_each_retry()
    {
        var cases = from retry in Gen.Choose(0, 40)
                    from random in Gen.Choose(0, 999).Select(value => value / 1000.0)
                    select (retry, random);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var (retry, random) = testCase;
            var policy = RetryPolicy.Default;
            var wait = policy.Backoff(retry, random);
            var exponential = Math.Min(policy.BaseDelay.TotalMilliseconds * Math.Pow(2, retry), policy.MaxDelay.TotalMilliseconds);
            return wait.TotalMilliseconds >= (exponential / 2) - 0.001
                && wait <= policy.MaxDelay
                && policy.Backoff(retry + 1, random) >= wait;
        });
    }
}
