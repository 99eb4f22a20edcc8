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
/// With <c>networkPolicies</c>, the full reconcile also writes the companions of SG-aware Kubernetes
/// NetworkPolicies (<see cref="CompanionPolicy"/>) and deletes owned ones whose owner is gone or lost its
/// annotation. Events never read, write or delete companions: they do not depend on AWS state.
/// </remarks>
public sealed class SyncEngine(
    IAwsInventory aws, IKubernetesNodes nodes, ICalicoStore cluster, SgLambdaConfig config, IAwsSecurityGroupWriter? awsWriter = null,
    IKubernetesNetworkPolicies? networkPolicies = null)
{
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
        foreach (var group in Translator.SecurityGroupsOf(snapshot, config).Where(g => affected.SecurityGroups.Contains(g.GroupId)))
            desired.AddRange(SecurityGroupPolicyRenderer.Render(group, context, warnings));
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
        };
        var actual = await ListAsync(scope, cancellationToken);
        var lists = await PlanPrefixListsAsync(affected, context, desired, actual, warnings, cancellationToken);
        scope = scope with { PrefixLists = lists };
        if (!lists.IsEmpty)
            actual.AddRange(await cluster.ListAsync("GlobalNetworkSet", scope.Queries().Single(q => q.Kind == "GlobalNetworkSet").LabelSelector, cancellationToken));

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
        List<string> warnings, CancellationToken cancellationToken)
    {
        var newReferences = References(desired);
        var lists = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var listId in affected.PrefixLists.Union(newReferences).Union(References(actual)))
        {
            var needed = newReferences.Contains(listId) || await ReferencedElsewhereAsync(listId, affected.SecurityGroups, cancellationToken);
            var exists = context.PrefixLists.TryGetValue(listId, out var list);
            // Still needed but not read (no reference from this change names it): leave it as it is.
            if (needed && !exists && !affected.PrefixLists.Contains(listId)) continue;
            lists.Add(listId);
            if (needed && exists) desired.Add(PrefixListRenderer.Render(list!, context, warnings));
        }
        return lists.ToImmutable();
    }

    /// <summary>Plans the full reconcile: everything in the VPC against everything SgLambda owns.</summary>
    public async Task<SyncReport> PlanReconcileAsync(CancellationToken cancellationToken)
    {
        var snapshot = await aws.ReadAllAsync(cancellationToken);
        snapshot = snapshot with { Nodes = await nodes.ListNodesAsync(cancellationToken) };
        var rendered = Translator.Render(snapshot, config);
        var actual = await ListAsync(ClusterScope.All, cancellationToken);
        var warnings = new List<string>(rendered.Warnings);
        var trust = TrustAttachmentPlanner.Plan(snapshot, config, warnings);
        var desired = new List<CalicoObject>(rendered.Objects);
        var current = actual.Where(ClusterScope.All.Contains).ToList();
        if (networkPolicies is not null)
        {
            desired.AddRange(await DesiredCompanionsAsync(networkPolicies, warnings, cancellationToken));
            // Every Calico NetworkPolicy, not only owned ones: a user's policy that has a companion's name must be
            // seen to be left alone (server-side apply would take it over). Owned ones are only companions.
            current.AddRange(await cluster.ListAsync("NetworkPolicy", "", cancellationToken));
        }
        var plan = Planner.Diff(desired, Distinct(current));
        return new SyncReport(null, AffectedResources.None, plan with { Warnings = [.. warnings, .. plan.Warnings] }, null) { TrustAttachments = trust };
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

    /// <summary>Applies a report: its plan, then its trust SG attachments.</summary>
    public async Task ApplyAsync(SyncReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await ApplyAsync(report.Plan, cancellationToken);
        if (report.TrustAttachments.Count == 0) return;
        if (awsWriter is null) throw new InvalidOperationException("trust SG attachments planned but no AWS writer configured");
        foreach (var attachment in report.TrustAttachments) await awsWriter.AttachTrustAsync(attachment, cancellationToken);
    }

    /// <summary>
    /// Applies a plan: objects that others reference first (tiers, network sets, endpoints, then policies),
    /// deletions in the reverse order.
    /// </summary>
    public async Task ApplyAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var value in plan.Apply.OrderBy(o => KindRank(o.Kind)).ThenBy(o => o.Key))
            await cluster.ApplyAsync(value, cancellationToken);
        foreach (var deletion in plan.Delete.OrderByDescending(d => KindRank(d.Key.Kind)).ThenBy(d => d.Key))
            await cluster.DeleteAsync(deletion.Key, deletion.ResourceVersion, cancellationToken);
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
            enis.AddRange(await EniIdsAsync($"{LabelKeys.AttachmentId} in ({string.Join(",", affected.NetworkInterfaceAttachments)})", cancellationToken));
        if (!affected.Instances.IsEmpty)
            enis.AddRange(await EniIdsAsync($"{LabelKeys.InstanceId} in ({string.Join(",", affected.Instances)})", cancellationToken));
        // The members an SG had when last rendered: a call that set other SGs took them out of it.
        foreach (var group in affected.SecurityGroupMembers)
            enis.AddRange(await EniIdsAsync(LabelKeys.SecurityGroup(group), cancellationToken));
        return enis.Count == 0 ? affected : affected with { NetworkInterfaces = affected.NetworkInterfaces.Union(enis) };
    }

    private async Task<IEnumerable<string>> EniIdsAsync(string selector, CancellationToken cancellationToken) =>
        (await cluster.ListAsync("HostEndpoint", selector, cancellationToken))
            .Select(e => e.Metadata.Labels?.GetValueOrDefault(LabelKeys.EniId))
            .OfType<string>();

    private static int KindRank(string kind)
    {
        var rank = ClusterScope.RenderedKinds.ToList().IndexOf(kind);
        return rank < 0 ? ClusterScope.RenderedKinds.Count : rank;
    }

    private async Task<List<CalicoObject>> ListAsync(ClusterScope scope, CancellationToken cancellationToken)
    {
        var found = new List<CalicoObject>();
        foreach (var (kind, selector) in scope.Queries())
            found.AddRange(await cluster.ListAsync(kind, selector, cancellationToken));
        return found;
    }

    private async Task<bool> ReferencedElsewhereAsync(string listId, ImmutableSortedSet<string> changedGroups, CancellationToken cancellationToken)
    {
        var referencing = await cluster.ListAsync("GlobalNetworkPolicy", LabelKeys.PrefixListReference(listId), cancellationToken);
        return referencing.Any(p => Planner.IsOwned(p)
            && !changedGroups.Contains(p.Metadata.Labels?.GetValueOrDefault(LabelKeys.SecurityGroupId) ?? ""));
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
