using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Tests.Sync;

/// <summary>
/// How a plan is applied: several writes at a time, but kind by kind (referenced objects first), deletions only
/// after every apply; and a run stopped at its deadline leaves each object as it was or as planned, for the
/// next reconcile to finish.
/// </summary>
public class ApplyOrderTests
{
    private static (AwsSnapshot Before, AwsSnapshot After, Configuration.SgLambdaConfig Config) Accounts()
    {
        var (after, config) = SyntheticAccount.Generate(30, 120, 7);
        // Before: a third of the SGs differ (their rules gone), and an SG that no longer exists.
        var changed = after.SecurityGroups.Where((_, i) => i % 3 == 0).Select(g => g with { IpPermissions = [], IpPermissionsEgress = [] });
        var before = after with
        {
            SecurityGroups = [.. after.SecurityGroups.Where((_, i) => i % 3 != 0), .. changed, after.SecurityGroups[1] with { GroupId = "sg-0gone" }],
        };
        return (before, after, config);
    }

    // The cluster as before, but missing the tiers and every fifth HostEndpoint: writes of several kinds to make.
    private static List<CalicoObject> Cluster(AwsSnapshot before, Configuration.SgLambdaConfig config) =>
        [.. Translator.Render(before, config).Objects.Where((o, i) => o is not Tier && !(o is HostEndpoint && i % 5 == 0))];

    [Test]
    public async Task Writes_go_kind_by_kind_with_at_most_the_configured_number_in_flight_and_deletions_last()
    {
        var (before, after, config) = Accounts();
        var store = new RecordingStore(Cluster(before, config));
        var inventory = new SnapshotInventory(after, config);
        var engine = new SyncEngine(inventory, inventory, store, config, SyncEngineOptions.CalicoOnly) { MaxConcurrentWrites = 4 };
        var report = await engine.PlanReconcileAsync(CancellationToken.None);
        Assume.That(report.Plan.Delete, Is.Not.Empty);

        await engine.ApplyAsync(report, CancellationToken.None);

        Assert.That(store.MaxInFlight, Is.InRange(1, 4));
        var order = ClusterScope.RenderedKinds.Select(kind => kind.Name).ToList();
        var ranks = store.Started.Select(w => w.Delete ? 2 * order.Count - order.IndexOf(w.Key.Kind) : order.IndexOf(w.Key.Kind)).ToList();
        Assert.That(ranks, Is.Ordered, "each step starts after the one before it ended: " + string.Join(", ", store.Started));
        Assert.That(Planner.Diff(Translator.Render(after, config).Objects, store.Objects).IsEmpty, Is.True);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(5)]
    [TestCase(15)]
    public async Task A_run_stopped_after_some_writes_leaves_each_object_as_it_was_or_as_planned_and_the_next_run_finishes(int writesBeforeStop)
    {
        var (before, after, config) = Accounts();
        var initial = Cluster(before, config);
        using var stop = new CancellationTokenSource();
        if (writesBeforeStop == 0) await stop.CancelAsync();
        var store = new RecordingStore(initial, afterWrites: writesBeforeStop, stop);
        var inventory = new SnapshotInventory(after, config);
        var engine = new SyncEngine(inventory, inventory, store, config, SyncEngineOptions.CalicoOnly) { MaxConcurrentWrites = 4 };
        var report = await engine.PlanReconcileAsync(CancellationToken.None);
        Assume.That(report.Plan.Apply.Count + report.Plan.Delete.Count, Is.GreaterThan(writesBeforeStop + 4));

        var outcome = await engine.ApplyAsync(report, CancellationToken.None, stop.Token);

        Assert.That(outcome.Complete, Is.False);
        Assert.That(outcome.Applied + outcome.Deleted + outcome.NotStarted, Is.EqualTo(report.Plan.Apply.Count + report.Plan.Delete.Count));
        var planned = report.Plan.Apply.ToDictionary(o => o.Key);
        var was = initial.ToDictionary(o => o.Key);
        foreach (var value in store.Objects)
        {
            var asPlanned = planned.TryGetValue(value.Key, out var p) && ObjectComparer.SameContent(p, value);
            var asItWas = was.TryGetValue(value.Key, out var w) && ObjectComparer.SameContent(w, value);
            Assert.That(asPlanned || asItWas, Is.True, $"{value.Key} is neither as it was nor as planned");
        }
        Assert.That(store.Started.Any(w => w.Delete), Is.False, "no deletion before every apply is done");

        var next = new SyncEngine(inventory, inventory, store, config, SyncEngineOptions.CalicoOnly);
        var nextOutcome = await next.ApplyAsync(await next.PlanReconcileAsync(CancellationToken.None), CancellationToken.None);
        Assert.That(nextOutcome.Complete, Is.True);
        Assert.That(Planner.Diff(Translator.Render(after, config).Objects, store.Objects).IsEmpty, Is.True);
    }

    /// <summary>An in-memory cluster that records the writes begun, how many were in flight, and can stop the run after some.</summary>
    private sealed class RecordingStore(IEnumerable<CalicoObject> objects, int afterWrites = int.MaxValue, CancellationTokenSource? stop = null) : ICalicoStore
    {
        private readonly InMemoryCalicoStore _inner = new(objects);
        private readonly Lock _gate = new();
        private int _inFlight;

        public List<(ObjectKey Key, bool Delete)> Started { get; } = [];

        public int MaxInFlight { get; private set; }

        public IReadOnlyList<CalicoObject> Objects => _inner.Objects;

        public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
            _inner.ListAsync(kind, query, cancellationToken);

        public Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
            _inner.ListVersionedAsync(kind, query, cancellationToken);

        public Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken) =>
            WriteAsync(value.Key, false, () => _inner.ApplyAsync(value, cancellationToken));

        public async Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
        {
            var written = false;
            await WriteAsync(value.Key, false, async () => written = await _inner.ApplyIfUnchangedAsync(value, precondition, cancellationToken));
            return written;
        }

        public Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken) =>
            WriteAsync(key, true, () => _inner.DeleteAsync(key, resourceVersion, cancellationToken));

        private async Task WriteAsync(ObjectKey key, bool delete, Func<Task> write)
        {
            lock (_gate)
            {
                Started.Add((key, delete));
                MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
                if (Started.Count >= afterWrites) stop?.Cancel();
            }
            // Let the other writes of the step start while this one is in flight.
            await Task.Yield();
            await write();
            lock (_gate) _inFlight--;
        }
    }
}
