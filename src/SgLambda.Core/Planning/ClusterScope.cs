using System.Collections.Immutable;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Planning;

/// <summary>
/// The part of the cluster one operation answers for: the objects that belong to the resources an event
/// names (found by label, so each is one list call), or everything SgLambda renders (reconcile). Objects
/// outside the scope are never applied or deleted by that operation.
/// </summary>
public sealed record ClusterScope
{
    private static readonly ImmutableSortedSet<string> NoIds = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The kinds <c>render</c> produces, in the order they are applied (referenced objects first).</summary>
    public static IReadOnlyList<CalicoKind> RenderedKinds { get; } = [CalicoKind.Tier, CalicoKind.GlobalNetworkSet, CalicoKind.HostEndpoint, CalicoKind.GlobalNetworkPolicy];

    public bool Everything { get; init; }
    public ImmutableSortedSet<string> SecurityGroups { get; init; } = NoIds;
    public ImmutableSortedSet<string> NetworkInterfaces { get; init; } = NoIds;
    public ImmutableSortedSet<string> Instances { get; init; } = NoIds;
    public ImmutableSortedSet<string> PrefixLists { get; init; } = NoIds;
    /// <summary>SGs whose <c>sg-remote.for-&lt;sg&gt;</c> policies (all parts) the operation answers for.</summary>
    public ImmutableSortedSet<string> RemoteGroups { get; init; } = NoIds;
    /// <summary>Buckets whose shared <c>sg-remote.address-peers-&lt;n&gt;</c> policies (all parts) the operation answers for.</summary>
    public ImmutableSortedSet<string> AddressPeerBuckets { get; init; } = NoIds;
    /// <summary>All HostEndpoints of RDS ENIs: RDS ENIs cannot be told apart by DB, so a DB event re-renders them all.</summary>
    public bool RdsEndpoints { get; init; }

    public static ClusterScope All { get; } = new() { Everything = true };

    /// <summary>The list calls (kind, label query) that find every object of the scope.</summary>
    public IEnumerable<(CalicoKind Kind, LabelQuery Query)> Queries()
    {
        var owned = LabelQuery.Equal(LabelKeys.ManagedBy, LabelKeys.ManagedByValue);
        if (Everything)
        {
            foreach (var kind in RenderedKinds) yield return (kind, owned);
            yield break;
        }
        if (!SecurityGroups.IsEmpty) yield return (CalicoKind.GlobalNetworkPolicy, In(LabelKeys.SecurityGroupId, SecurityGroups));
        if (!RemoteGroups.IsEmpty) yield return (CalicoKind.GlobalNetworkPolicy, In(LabelKeys.LocalSecurityGroup, RemoteGroups));
        if (!AddressPeerBuckets.IsEmpty) yield return (CalicoKind.GlobalNetworkPolicy, In(LabelKeys.AddressPeers, AddressPeerBuckets));
        if (!NetworkInterfaces.IsEmpty) yield return (CalicoKind.HostEndpoint, In(LabelKeys.EniId, NetworkInterfaces));
        if (!Instances.IsEmpty) yield return (CalicoKind.HostEndpoint, In(LabelKeys.InstanceId, Instances));
        if (RdsEndpoints) yield return (CalicoKind.HostEndpoint, LabelQuery.Equal(LabelKeys.ResourceType, ResourceTypes.Rds));
        if (!PrefixLists.IsEmpty) yield return (CalicoKind.GlobalNetworkSet, In(LabelKeys.PrefixList, PrefixLists));
    }

    /// <summary>True when the object belongs to this scope.</summary>
    public bool Contains(CalicoObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var labels = value.Metadata.Labels ?? ImmutableSortedDictionary<string, string>.Empty;
        if (Everything) return RenderedKinds.Any(kind => kind.Is(value));
        return value switch
        {
            GlobalNetworkPolicy => Has(labels, LabelKeys.SecurityGroupId, SecurityGroups)
                || Has(labels, LabelKeys.LocalSecurityGroup, RemoteGroups)
                || Has(labels, LabelKeys.AddressPeers, AddressPeerBuckets),
            HostEndpoint => Has(labels, LabelKeys.EniId, NetworkInterfaces)
                || Has(labels, LabelKeys.InstanceId, Instances)
                || (RdsEndpoints && labels.GetValueOrDefault(LabelKeys.ResourceType) == ResourceTypes.Rds),
            GlobalNetworkSet => Has(labels, LabelKeys.PrefixList, PrefixLists),
            _ => false,
        };
    }

    private static bool Has(ImmutableSortedDictionary<string, string> labels, string key, ImmutableSortedSet<string> ids) =>
        labels.TryGetValue(key, out var id) && ids.Contains(id);

    private static LabelQuery In(string key, IEnumerable<string> ids) => LabelQuery.In(key, ids);
}
