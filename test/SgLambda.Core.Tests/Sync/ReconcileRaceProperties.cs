using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Events;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Core.Translation;
using static SgLambda.TestSupport.Translation.Aws;
using Change = SgLambda.Core.Tests.Sync.IncrementalSyncProperties.Change;

namespace SgLambda.Core.Tests.Sync;

/// <summary>
/// A reconcile never undoes a newer event. The reconcile reads AWS and the cluster and writes in stages; AWS
/// changes, each followed at once by its event through the change handler's path, land between any two of
/// those stages (every call the reconcile makes to AWS or the cluster is a point where they may). However they
/// interleave, once the reconcile and every event are done the cluster holds render of the final AWS state.
/// </summary>
public class ReconcileRaceProperties
{
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Events_applied_while_a_reconcile_runs_survive_it()
    {
        var gen = from before in IncrementalSyncProperties.State()
                  from changes in Gen.ListOf(IncrementalSyncProperties.Changes(before)).Select(l => l.Take(4).ToList())
                  from positions in Gen.ListOf(Gen.Choose(0, 40), changes.Count)
                  select (before, changes, positions: positions.ToList());
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (initial, changes, positions) = input;
            var world = new World(initial, changes, positions);
            var reconcile = new SyncEngine(world, world, world, Config(), SyncEngineOptions.CalicoOnly) { MaxConcurrentWrites = 1 };
            var report = reconcile.PlanReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
            reconcile.ApplyAsync(report, CancellationToken.None).GetAwaiter().GetResult();
            world.FinishEvents();

            var differences = Planner.Diff(Translator.Render(world.State, Config()).Objects, world.Cluster.Objects);
            return differences.IsEmpty.Label(
                $"after {world.Log}: apply {string.Join(", ", differences.Apply.Select(o => o.Key))}; delete {string.Join(", ", differences.Delete.Select(d => d.Key))}");
        });
    }

    [Test]
    public void A_rule_revoked_between_the_reconcile_reading_AWS_and_writing_stays_revoked()
    {
        var initial = Snapshot([Sg("sg-0a", [Perm("tcp", 80, 80, cidrs: ["10.0.0.0/16"])])], [Eni("eni-01", ["sg-0a"], ["10.0.1.5"], instance: "i-01")]);
        var revoke = new Change("rule of sg-0a revoked", s => s with { SecurityGroups = [Sg("sg-0a")] },
            new AffectedResources { SecurityGroups = ["sg-0a"] });
        // Drift the reconcile must heal, so it has something to write: the cluster lacks sg-0a's policies.
        var world = new World(initial, [revoke], [3], drop: o => o is GlobalNetworkPolicy p && p.Metadata.Name.Contains("sg-0a", StringComparison.Ordinal));
        var reconcile = new SyncEngine(world, world, world, Config(), SyncEngineOptions.CalicoOnly) { MaxConcurrentWrites = 1 };
        reconcile.ApplyAsync(reconcile.PlanReconcileAsync(CancellationToken.None).GetAwaiter().GetResult(), CancellationToken.None).GetAwaiter().GetResult();

        Assert.That(Planner.Diff(Translator.Render(world.State, Config()).Objects, world.Cluster.Objects).IsEmpty, Is.True, world.Log);
    }

    /// <summary>
    /// AWS and the cluster as the reconcile sees them: before each of its calls, the changes scheduled at that
    /// call happen, each with its event planned and applied against the current AWS state and cluster.
    /// </summary>
    private sealed class World : IAwsInventory, IKubernetesNodes, ICalicoStore
    {
        private readonly List<(Change Change, int At)> _pending;
        private readonly List<string> _log = [];
        private int _calls;

        public World(AwsSnapshot initial, IReadOnlyList<Change> changes, IReadOnlyList<int> positions, Func<CalicoObject, bool>? drop = null)
        {
            State = initial;
            // Start in sync, with drift for the reconcile to heal: an orphan of an SG no change names.
            var orphan = Translator.Render(initial with { SecurityGroups = [Sg("sg-0orphan", [Perm("tcp", 22, 22, cidrs: ["10.9.0.0/16"])])] }, Config())
                .Objects.OfType<GlobalNetworkPolicy>();
            Cluster = new InMemoryCalicoStore(Translator.Render(initial, Config()).Objects.Where(o => drop is null || !drop(o)).Concat(orphan));
            _pending = [.. changes.Select((c, i) => (c, positions[i]))];
        }

        public AwsSnapshot State { get; private set; }

        public InMemoryCalicoStore Cluster { get; }

        public string Log => string.Join("; ", _log);

        /// <summary>Runs the changes scheduled after the reconcile's last call.</summary>
        public void FinishEvents()
        {
            foreach (var (change, _) in _pending.ToList()) Happen(change);
        }

        public Task<AwsSnapshot> ReadAsync(AffectedResources affected, CancellationToken cancellationToken) => throw new NotSupportedException("the reconcile reads everything");

        public Task<AwsSnapshot> ReadAllAsync(CancellationToken cancellationToken)
        {
            Step("read AWS");
            return Task.FromResult(State);
        }

        public Task<IReadOnlyList<KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken) => Task.FromResult(State.Nodes);

        public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken)
        {
            Step($"list {kind}");
            return Cluster.ListAsync(kind, query, cancellationToken);
        }

        public Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken)
        {
            Step($"list {kind}");
            return Cluster.ListVersionedAsync(kind, query, cancellationToken);
        }

        public Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken)
        {
            Step($"apply {value.Key}");
            return Cluster.ApplyAsync(value, cancellationToken);
        }

        public Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
        {
            Step($"apply {value.Key}");
            return Cluster.ApplyIfUnchangedAsync(value, precondition, cancellationToken);
        }

        public Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
        {
            Step($"delete {key}");
            return Cluster.DeleteAsync(key, resourceVersion, cancellationToken);
        }

        // The reconcile applies with several writes in flight; its calls and the events are serialized here.
        private void Step(string call)
        {
            lock (_log)
            {
                foreach (var (change, _) in _pending.Where(p => p.At == _calls).ToList()) Happen(change);
                _log.Add($"reconcile {call}");
                _calls++;
            }
        }

        private void Happen(Change change)
        {
            _pending.RemoveAll(p => ReferenceEquals(p.Change, change));
            State = change.Apply(State);
            _log.Add($"event '{change.Description}'");
            var inventory = new SnapshotInventory(State, Config());
            var events = new SyncEngine(inventory, inventory, Cluster, Config(), SyncEngineOptions.CalicoOnly);
            var report = events.PlanEventAsync(new ClassifiedEvent(new EventSummary(), change.Affected, null), CancellationToken.None).GetAwaiter().GetResult();
            events.ApplyAsync(report, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
