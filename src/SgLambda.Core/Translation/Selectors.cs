using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>
/// The selector expressions of the construction. Only <c>sg.aws.tigera.io/*</c> pod labels are trusted
/// (the webhook owns them), so a selector meaning "a HostEndpoint" or "a prefix list" is paired with
/// <c>namespaceSelector: global()</c> (SEMANTICS.md section 3).
/// </summary>
public static class Selectors
{
    /// <summary>The namespace selector that limits a rule selector to HostEndpoints and GlobalNetworkSets.</summary>
    public const string Global = "global()";

    /// <summary>An endpoint Calico enforces: a pod, or a cluster node's HostEndpoint.</summary>
    public const string EnforcedEndpoint =
        $"has({LabelKeys.CalicoNamespace}) || {LabelKeys.EndpointKind} == '{EndpointKinds.ClusterNode}'";

    /// <summary>Pods only (Calico puts the namespace label on every workload endpoint).</summary>
    public const string Pod = $"has({LabelKeys.CalicoNamespace})";

    /// <summary>A HostEndpoint with at least one SG; only meaningful with <see cref="Global"/>.</summary>
    public const string SgGoverned = $"{LabelKeys.SgGoverned} == 'true'";

    /// <summary>
    /// Enforced endpoints SG rules bind in <c>sg-local</c>: every pod (a pod is always in the pod-default SG)
    /// and governed cluster nodes. An ungoverned node is left to later tiers, as AWS would.
    /// </summary>
    public const string SgBoundEndpoint =
        $"{Pod} || ({LabelKeys.EndpointKind} == '{EndpointKinds.ClusterNode}' && {SgGoverned})";

    public static string MemberOf(string groupId) => $"has({LabelKeys.SecurityGroup(groupId)})";

    public static string PrefixList(string prefixListId) => $"{LabelKeys.PrefixList} == '{prefixListId}'";

    /// <summary>The prefix list a selector written by <see cref="PrefixList"/> names, or null for any other selector.</summary>
    public static string? PrefixListOf(string? selector)
    {
        const string Head = $"{LabelKeys.PrefixList} == '";
        return selector is not null && selector.StartsWith(Head, StringComparison.Ordinal) && selector.EndsWith('\'') && selector.Length > Head.Length + 1
            ? selector[Head.Length..^1]
            : null;
    }
}
