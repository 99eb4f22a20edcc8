using System.Collections.Immutable;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Sync;

/// <summary>
/// The one pipeline behind the functions and the CLI: an event (or a reconcile) -> the affected AWS state
/// -> the same translation as render -> diff against the cluster, in the same scope -> a plan, applied
/// or printed. An event costs O(1) AWS and Kubernetes calls, whatever the size of the account.
/// </summary>
/// <remarks>
/// With <see cref="SyncEngineOptions.Companions"/> enabled, the full reconcile also writes the companions of SG-aware Kubernetes
/// NetworkPolicies (<see cref="CompanionPolicy"/>) and deletes owned ones whose owner is gone or lost its
/// annotation. Events never read, write or delete companions: they do not depend on AWS state.
/// </remarks>
public sealed class SyncEngine(IAwsInventory aws, IKubernetesNodes nodes, ICalicoStore cluster, SgLambdaConfig config, SyncEngineOptions options)
{
    private readonly IKubernetesNetworkPolicies? _networkPolicies = (options ?? throw new ArgumentNullException(nameof(options))).Companions.Source;
    private readonly IAwsSecurityGroupWriter? _awsWriter = options.TrustSecurityGroups.Writer;

    /// <summary>What the engine was told to do besides the translation.</summary>
    public SyncEngineOptions Options { get; } = options;

    /// <summary>Plans the minimal change for one classified event.</summary>
    public async Task<SyncReport> PlanEventAsync(ClassifiedEvent classified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classified);
        if (classified.IsSkipped) return SyncReport.SkippedEvent(classified);
        var affected = await ResolveAttachmentsAsync(classified.Affected, cancellationToken);

        var slice = await aws.ReadAsync(affected, cancellationToken);
        var snapshot = slice with { Nodes = await nodes.ListNodesAsync(cancellationToken) };
        var context = TranslationContext.From(snapshot, config);
        var warnings = new List<string>();

        var desired = new List<CalicoObject>();
        var remote = new Dictionary<RemoteTarget, List<RemoteSourceRules>>();
        foreach (var group in Translator.SecurityGroupsOf(snapshot, config).Where(g => affected.SecurityGroups.Contains(g.GroupId)))
        {
            var rules = RuleFlattener.Flatten(group, context, warnings);
            desired.AddRange(SecurityGroupPolicyRenderer.Render(group, rules, context));
            foreach (var (target, contribution) in RemoteSourceRules.Of(group.GroupId, rules, config)) Sources(remote, target).Add(contribution);
        }
        // The sg-remote policies that hold the changed SGs' rules now (one label query per SG): with the
        // policies the new rules go to, these are every sg-remote policy the change touches.
        foreach (var groupId in affected.SecurityGroups)
        {
            foreach (var holder in await cluster.ListAsync(CalicoKind.GlobalNetworkPolicy, LabelQuery.Exists(LabelKeys.RulesFrom(groupId)), cancellationToken))
            {
                if (Planner.IsOwned(holder) && RemoteTarget.FromLabels(holder.Metadata.Labels) is { } target) Sources(remote, target);
            }
        }
        foreach (var eni in snapshot.NetworkInterfaces)
        {
            if (HostEndpointRenderer.Render(eni, context, warnings) is { } endpoint) desired.Add(endpoint);
        }

        // What this event answers for: the SGs and instances it names (their HostEndpoints found by label,
        // even those whose ENIs are gone) and every ENI read; not other ENIs of the instances read, whose
        // HostEndpoints may be stale in ways this event knows nothing about.
        var scope = new ClusterScope
        {
            SecurityGroups = affected.SecurityGroups,
            NetworkInterfaces = affected.NetworkInterfaces.Union(snapshot.NetworkInterfaces.Select(e => e.NetworkInterfaceId.Trim())),
            Instances = affected.Instances,
            RdsEndpoints = !affected.DbInstances.IsEmpty || !affected.DbClusters.IsEmpty,
            RemoteGroups = remote.Keys.OfType<RemoteTarget.ForGroup>().Select(t => t.GroupId).ToImmutableSortedSet(StringComparer.Ordinal),
            AddressPeerBuckets = remote.Keys.OfType<RemoteTarget.AddressPeers>().Select(t => t.Label.Value).ToImmutableSortedSet(StringComparer.Ordinal),
        };
        var actual = await ListAsync(scope, cancellationToken);
        // Each touched sg-remote policy: the changed SGs' rules as AWS has them now, the other SGs' as the cluster has them.
        var owned = Distinct(actual).OfType<GlobalNetworkPolicy>().Where(Planner.IsOwned).ToList();
        foreach (var (target, sources) in remote)
        {
            var parts = owned.Where(p => Equals(RemoteTarget.FromLabels(p.Metadata.Labels), target));
            var kept = RemotePolicyRenderer.Kept(target, parts, affected.SecurityGroups);
            desired.AddRange(RemotePolicyRenderer.Render(target, sources.Concat(kept), config));
        }
        var lists = await PlanPrefixListsAsync(affected, context, desired, actual, scope, warnings, cancellationToken);
        scope = scope with { PrefixLists = lists };
        if (!lists.IsEmpty)
            actual.AddRange(await cluster.ListAsync(CalicoKind.GlobalNetworkSet, scope.Queries().Single(q => q.Kind == CalicoKind.GlobalNetworkSet).Query, cancellationToken));

        var trust = TrustAttachmentPlanner.Plan(snapshot, config, warnings);
        var plan = Planner.Diff(desired, Distinct(actual.Where(scope.Contains)));
        return new SyncReport(classified, affected, plan with { Warnings = [.. warnings, .. plan.Warnings] }, null) { TrustAttachments = trust };
    }

    /// <summary>
    /// A GlobalNetworkSet exists while any SG policy references its prefix list. For the lists this change
    /// may add or drop a reference to, adds the sets still needed to <paramref name="desired"/> (asking the
    /// cluster about the other SGs' policies) and returns the lists whose sets this event answers for.
    /// </summary>
    private async Task<ImmutableSortedSet<string>> PlanPrefixListsAsync(
        AffectedResources affected, TranslationContext context, List<CalicoObject> desired, List<CalicoObject> actual,
        ClusterScope scope, List<string> warnings, CancellationToken cancellationToken)
    {
        var newReferences = References(desired);
        var lists = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var listId in affected.PrefixLists.Union(newReferences).Union(References(actual)))
        {
            var needed = newReferences.Contains(listId) || await ReferencedElsewhereAsync(listId, scope, cancellationToken);
            var exists = context.PrefixLists.TryGetValue(listId, out var list);
            // Still needed but not read (no reference from this change names it): leave it as it is.
            if (needed && !exists && !affected.PrefixLists.Contains(listId)) continue;
            lists.Add(listId);
            if (needed && exists) desired.Add(PrefixListRenderer.Render(list!, context, warnings));
        }
        return lists.ToImmutable();
    }

    /// <summary>
    /// Plans the full reconcile: everything in the VPC against everything SgLambda owns. The cluster is listed
    /// before and after AWS is read; what changed in between is left to the writer that changed it, and every
    /// write is conditioned on the second listing (<see cref="ConcurrentWriterGuard"/>), so a reconcile never
    /// undoes an event applied while it ran.
    /// </summary>
    public async Task<SyncReport> PlanReconcileAsync(CancellationToken cancellationToken)
    {
        var first = new Dictionary<ObjectKey, string?>();
        foreach (var (kind, query) in ReconcileQueries())
        {
            var listed = new Dictionary<ObjectKey, string?>();
            await cluster.ListEachAsync(kind, query, value => listed.TryAdd(value.Key, value.Metadata.ResourceVersion), listed.Clear, cancellationToken);
            foreach (var (key, version) in listed) first.TryAdd(key, version);
        }

        var (desired, trust, warnings) = await RenderAllAsync(cancellationToken);

        // The second listing is compared with the render object by object as its pages arrive, and only what the plan
        // needs of each object is kept. Every Calico NetworkPolicy is listed, not only owned ones: a user's policy
        // that has a companion's name must be seen to be left alone (server-side apply would take it over). Owned
        // ones are only companions.
        var wanted = Planner.FirstOfEachKey(desired);
        var second = new Dictionary<ObjectKey, ListedObject>();
        var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (kind, query) in ReconcileQueries())
        {
            var listed = new Dictionary<ObjectKey, ListedObject>();
            void Keep(CalicoObject value)
            {
                if ((kind == CalicoKind.NetworkPolicy || ClusterScope.All.Contains(value)) && !listed.ContainsKey(value.Key)) listed.Add(value.Key, ListedObject.Of(value, wanted));
            }
            var version = await cluster.ListEachAsync(kind, query, Keep, listed.Clear, cancellationToken);
            foreach (var (key, value) in listed) second.TryAdd(key, value);
            versions.TryAdd(kind.Name, version);
        }
        var plan = ConcurrentWriterGuard.Guard(Planner.Diff(desired, second), first, second, versions);
        return new SyncReport(null, AffectedResources.None, plan with { Warnings = [.. warnings, .. plan.Warnings] }, null) { TrustAttachments = trust };
    }

    /// <summary>
    /// All of AWS read and rendered. A method of its own so that the AWS snapshot is garbage once it returns:
    /// at 10,000 SGs it is about 140 MB that would otherwise stay reachable from the caller's state machine while
    /// the cluster is listed beside the rendered objects.
    /// </summary>
    private async Task<(List<CalicoObject> Desired, IReadOnlyList<TrustAttachment> Trust, List<string> Warnings)> RenderAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = await aws.ReadAllAsync(cancellationToken);
        snapshot = snapshot with { Nodes = await nodes.ListNodesAsync(cancellationToken) };
        var rendered = Translator.Render(snapshot, config);
        var warnings = new List<string>(rendered.Warnings);
        var trust = TrustAttachmentPlanner.Plan(snapshot, config, warnings);
        var desired = new List<CalicoObject>(rendered.Objects);
        if (_networkPolicies is not null) desired.AddRange(await DesiredCompanionsAsync(_networkPolicies, warnings, cancellationToken));
        return (desired, trust, warnings);
    }

    private List<(CalicoKind Kind, LabelQuery Query)> ReconcileQueries()
    {
        var queries = ClusterScope.All.Queries().ToList();
        if (_networkPolicies is not null) queries.Add((CalicoKind.NetworkPolicy, LabelQuery.Everything));
        return queries;
    }

    private async Task<IEnumerable<CalicoObject>> DesiredCompanionsAsync(
        IKubernetesNetworkPolicies source, List<string> warnings, CancellationToken cancellationToken)
    {
        var companions = new List<CalicoObject>();
        foreach (var policy in await source.ListNetworkPoliciesAsync(cancellationToken))
        {
            if (CompanionPolicy.For(policy, config.CalicoApiGroup, warnings) is { } companion) companions.Add(companion);
        }
        return companions;
    }

    /// <summary>How many writes <see cref="ApplyAsync(Plan, CancellationToken, CancellationToken)"/> keeps in flight at once.</summary>
    public int MaxConcurrentWrites { get; init; } = 8;

    /// <summary>Applies a report: its plan, then its trust SG attachments.</summary>
    public Task<ApplyOutcome> ApplyAsync(SyncReport report, CancellationToken cancellationToken) => ApplyAsync(report, cancellationToken, CancellationToken.None);

    /// <summary>
    /// Applies a report: its plan, then (when the plan was applied completely) its trust SG attachments.
    /// <paramref name="stopStarting"/> ends the run early but cleanly: see <see cref="ApplyAsync(Plan, CancellationToken, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The report holds trust SG attachments and <see cref="SyncEngineOptions.TrustSecurityGroups"/> is read only:
    /// thrown before any write, so nothing is half applied.
    /// </exception>
    public async Task<ApplyOutcome> ApplyAsync(SyncReport report, CancellationToken cancellationToken, CancellationToken stopStarting)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.TrustAttachments.Count > 0 && _awsWriter is null)
            throw new InvalidOperationException(
                $"{report.TrustAttachments.Count} trust SG attachment(s) planned but this engine's trust SG writes are read only: apply the report's plan alone");
        var outcome = await ApplyAsync(report.Plan, cancellationToken, stopStarting);
        if (report.TrustAttachments.Count == 0 || !outcome.Complete || _awsWriter is null) return outcome;
        foreach (var attachment in report.TrustAttachments) await _awsWriter.AttachTrustAsync(attachment, cancellationToken);
        return outcome;
    }

    /// <summary>Applies a plan to the end (see <see cref="ApplyAsync(Plan, CancellationToken, CancellationToken)"/>).</summary>
    public Task<ApplyOutcome> ApplyAsync(Plan plan, CancellationToken cancellationToken) => ApplyAsync(plan, cancellationToken, CancellationToken.None);

    /// <summary>
    /// Applies a plan, up to <see cref="MaxConcurrentWrites"/> writes at a time, in steps that each finish before
    /// the next begins: the applies kind by kind, objects others reference first (tiers, network sets, endpoints,
    /// then policies), and only when every apply is done, the deletions in the reverse order. So a policy never
    /// precedes its tier, and no old policy goes before its replacement is in place (an endpoint that no policy
    /// of a tier selects skips that tier). Once <paramref name="stopStarting"/> fires no write begins and no
    /// further step runs: the writes in flight finish, and what remains is counted, not done, leaving each object
    /// either as it was or as planned; the next run plans the rest.
    /// </summary>
    public async Task<ApplyOutcome> ApplyAsync(Plan plan, CancellationToken cancellationToken, CancellationToken stopStarting)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int applied = 0, deleted = 0, skipped = 0, notStarted = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentWrites, CancellationToken = cancellationToken };

        async Task StepAsync<T>(IReadOnlyList<T> items, Func<T, CancellationToken, ValueTask> write)
        {
            if (stopStarting.IsCancellationRequested)
            {
                notStarted += items.Count;
                return;
            }
            await Parallel.ForEachAsync(items, options, async (item, token) =>
            {
                if (stopStarting.IsCancellationRequested) Interlocked.Increment(ref notStarted);
                else await write(item, token);
            });
        }

        foreach (var step in plan.Apply.GroupBy(o => KindRank(o.Kind)).OrderBy(g => g.Key))
        {
            await StepAsync(step.OrderBy(o => o.Key).ToList(), async (value, token) =>
            {
                if (!plan.Preconditions.TryGetValue(value.Key, out var precondition)) await cluster.ApplyAsync(value, token);
                else if (!await cluster.ApplyIfUnchangedAsync(value, precondition, token))
                {
                    Interlocked.Increment(ref skipped);
                    return;
                }
                Interlocked.Increment(ref applied);
            });
        }
        var deletions = plan.Delete.GroupBy(d => KindRank(d.Key.Kind)).OrderByDescending(g => g.Key).ToList();
        if (stopStarting.IsCancellationRequested) return new ApplyOutcome(applied, 0, skipped, notStarted + plan.Delete.Count);
        foreach (var step in deletions)
        {
            await StepAsync(step.OrderBy(d => d.Key).ToList(), async (deletion, token) =>
            {
                await cluster.DeleteAsync(deletion.Key, deletion.ResourceVersion, token);
                Interlocked.Increment(ref deleted);
            });
        }
        return new ApplyOutcome(applied, deleted, skipped, notStarted);
    }

    /// <summary>
    /// ENIs the cluster knows for the instances, attachments and SG memberships named: a detach names only the attachment
    /// id, which AWS no longer knows once the ENI is detached, and an ENI may have moved to another
    /// instance; the HostEndpoints rendered before still carry both labels, and name the ENIs to re-read.
    /// </summary>
    private async Task<AffectedResources> ResolveAttachmentsAsync(AffectedResources affected, CancellationToken cancellationToken)
    {
        var enis = new List<string>();
        if (!affected.NetworkInterfaceAttachments.IsEmpty)
            enis.AddRange(await EniIdsAsync(LabelQuery.In(LabelKeys.AttachmentId, affected.NetworkInterfaceAttachments), cancellationToken));
        if (!affected.Instances.IsEmpty)
            enis.AddRange(await EniIdsAsync(LabelQuery.In(LabelKeys.InstanceId, affected.Instances), cancellationToken));
        // The members an SG had when last rendered: a call that set other SGs took them out of it.
        foreach (var group in affected.SecurityGroupMembers)
            enis.AddRange(await EniIdsAsync(LabelQuery.Exists(LabelKeys.SecurityGroup(group)), cancellationToken));
        return enis.Count == 0 ? affected : affected with { NetworkInterfaces = affected.NetworkInterfaces.Union(enis) };
    }

    private async Task<IEnumerable<string>> EniIdsAsync(LabelQuery query, CancellationToken cancellationToken) =>
        (await cluster.ListAsync(CalicoKind.HostEndpoint, query, cancellationToken))
            .Select(e => e.Metadata.Labels?.GetValueOrDefault(LabelKeys.EniId))
            .OfType<string>();

    private static int KindRank(string kind)
    {
        var rank = ClusterScope.RenderedKinds.Select(rendered => rendered.Name).ToList().IndexOf(kind);
        return rank < 0 ? ClusterScope.RenderedKinds.Count : rank;
    }

    private async Task<List<CalicoObject>> ListAsync(ClusterScope scope, CancellationToken cancellationToken)
    {
        var found = new List<CalicoObject>();
        foreach (var (kind, query) in scope.Queries())
            found.AddRange(await cluster.ListAsync(kind, query, cancellationToken));
        return found;
    }

    /// <summary>True when a policy this event does not re-render references the prefix list (those it re-renders are in desired).</summary>
    private async Task<bool> ReferencedElsewhereAsync(string listId, ClusterScope scope, CancellationToken cancellationToken)
    {
        var referencing = await cluster.ListAsync(CalicoKind.GlobalNetworkPolicy, LabelQuery.Exists(LabelKeys.PrefixListReference(listId)), cancellationToken);
        return referencing.Any(p => Planner.IsOwned(p) && !scope.Contains(p));
    }

    private static List<RemoteSourceRules> Sources(Dictionary<RemoteTarget, List<RemoteSourceRules>> remote, RemoteTarget target)
    {
        if (!remote.TryGetValue(target, out var sources)) remote[target] = sources = [];
        return sources;
    }

    private static ImmutableSortedSet<string> References(IEnumerable<CalicoObject> objects) =>
        objects.OfType<GlobalNetworkPolicy>()
            .SelectMany(p => p.Metadata.Labels?.Keys ?? [])
            .Where(k => k.StartsWith(LabelKeys.PrefixListReferencePrefix, StringComparison.Ordinal))
            .Select(k => k[LabelKeys.PrefixListReferencePrefix.Length..])
            .ToImmutableSortedSet(StringComparer.Ordinal);

    private static IEnumerable<CalicoObject> Distinct(IEnumerable<CalicoObject> objects) =>
        objects.GroupBy(o => o.Key).Select(g => g.First());
}
