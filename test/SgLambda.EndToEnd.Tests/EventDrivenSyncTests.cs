using SgLambda.Emulators.Aws;
using KubernetesFault = SgLambda.Emulators.Kubernetes.ApiServer.FaultKind;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// The event path as deployed: random AWS changes through the real EC2 client, each followed by the events
/// AWS emits, handled by the classifier and the sync engine over the real AWS and Kubernetes clients. The
/// cluster must always equal <c>render</c> of the AWS state; with 20% of all calls failing, the events that
/// could not be handled are healed by the next reconcile.
/// </summary>
public class EventDrivenSyncTests
{
    private const int Steps = 40;

    private static async Task<Harness> StartWithReconcileAsync(int seed)
    {
        var harness = await Harness.StartAsync(seed);
        harness.SeedAccount();
        await harness.ReconcileAsync();
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True, "the first reconcile renders the seeded account");
        return harness;
    }

    private static string Describe(Mutator mutator, int seed) => $"seed {seed}; steps:\n  " + string.Join("\n  ", mutator.Log);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public async Task After_every_change_and_its_events_the_cluster_equals_render_of_aws(int seed)
    {
        await using var harness = await StartWithReconcileAsync(seed);
        var mutator = new Mutator(harness, seed);
        for (var step = 0; step < Steps; step++)
        {
            await mutator.StepAsync();
            var reports = await harness.DeliverEventsAsync();
            var difference = await harness.DifferenceFromRenderAsync();
            Assert.That(difference.IsEmpty, Is.True,
                $"after step {step}: apply {string.Join(", ", difference.Apply.Select(o => o.Key))}; delete {string.Join(", ", difference.Delete.Select(d => d.Key))}\n"
                + $"events of the step: {string.Join("; ", reports.Select(Summary))}\n{Describe(mutator, seed)}");
        }
        Assert.That(harness.FailedEvents, Is.Empty);
        await TestContext.Out.WriteLineAsync(Describe(mutator, seed));
        var changes = mutator.Log.Count(l => !l.StartsWith('(') && !l.StartsWith("refused", StringComparison.Ordinal));
        Assert.That(changes, Is.GreaterThanOrEqualTo(Steps / 2), "most steps must change AWS for the property to mean something");
    }

    [TestCase(11)]
    [TestCase(12)]
    public async Task With_a_fifth_of_all_calls_failing_retries_and_the_next_reconcile_heal_everything(int seed)
    {
        await using var harness = await StartWithReconcileAsync(seed);
        harness.Aws.Faults.FailRandomly(0.2, FaultKind.Throttling, FaultKind.InternalError, FaultKind.Unavailable);
        harness.Cluster.Faults.SetProbability(KubernetesFault.TooManyRequests, 0.1);
        harness.Cluster.Faults.SetProbability(KubernetesFault.InternalError, 0.05);
        harness.Cluster.Faults.SetProbability(KubernetesFault.ServiceUnavailable, 0.05);
        var mutator = new Mutator(harness, seed);
        for (var step = 0; step < Steps; step++)
        {
            await mutator.StepAsync();
            await harness.DeliverEventsAsync();
        }
        Assert.That(harness.Aws.Faults.InjectedCount, Is.GreaterThan(10), "faults must really have been injected");

        harness.Aws.Faults.Clear();
        harness.Cluster.Faults.Clear();
        await harness.ReconcileAsync();

        var difference = await harness.DifferenceFromRenderAsync();
        Assert.That(difference.IsEmpty, Is.True, $"{string.Join(", ", difference.Apply.Select(o => o.Key))} / {string.Join(", ", difference.Delete.Select(d => d.Key))}\n{Describe(mutator, seed)}");
    }

    [Test]
    public async Task Events_delivered_again_write_nothing()
    {
        await using var harness = await StartWithReconcileAsync(21);
        var mutator = new Mutator(harness, 21);
        for (var step = 0; step < Steps; step++)
        {
            await mutator.StepAsync();
            await harness.DeliverEventsAsync();
        }
        var delivered = harness.Delivered;
        Assert.That(delivered, Has.Count.GreaterThan(Steps / 2));

        var writes = Writes(harness);
        foreach (var json in delivered)
        {
            var classified = Core.Events.EventClassifier.Classify(json, harness.Config);
            var report = await harness.Engine.PlanEventAsync(classified, CancellationToken.None);
            Assert.That(report.IsEmpty, Is.True, $"replaying {classified.Event.EventName} planned changes");
            await harness.Engine.ApplyAsync(report, CancellationToken.None);
        }
        Assert.That(Writes(harness), Is.EqualTo(writes));
    }

    private static string Summary(Core.Sync.SyncReport report) =>
        $"{report.Event?.Event.EventName} {report.Event?.Reason ?? report.Skipped} -> apply [{string.Join(", ", report.Plan.Apply.Select(o => o.Key))}] delete [{string.Join(", ", report.Plan.Delete.Select(d => d.Key))}]";

    private static int Writes(Harness harness) =>
        harness.Cluster.Requests.Snapshot().Where(r => r.Key.Verb is "create" or "update" or "patch" or "delete").Sum(r => r.Value);
}
