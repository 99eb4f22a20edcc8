using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

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

    /// <summary>A member of the SG: see <see cref="MemberOfAny"/>.</summary>
    public static string MemberOf(string groupId, SgLambdaConfig config) => MemberOfAny([groupId], config);

    /// <summary>
    /// A member of at least one of the SGs (SEMANTICS.md section 3): an endpoint carrying one of their
    /// labels outside the exempt namespaces (where nobody vets labels), or any pod of an exempt namespace
    /// when one of the SGs is a node SG or the pod-default SG. The namespace label is Calico's own, which a
    /// pod cannot forge; HostEndpoints have none, so they match by their labels alone.
    /// </summary>
    /// <remarks>
    /// Interned: every rule naming an SG carries its selector, so a large account would otherwise hold hundreds of
    /// thousands of copies (about 70 MB at 10,000 SGs). The intern pool grows only with the VPC's distinct SGs.
    /// </remarks>
    public static string MemberOfAny(IReadOnlyList<string> groupIds, SgLambdaConfig config) => string.Intern(Compose(groupIds, config));

    private static string Compose(IReadOnlyList<string> groupIds, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(config);
        var labelled = string.Join(" || ", groupIds.Select(id => $"has({LabelKeys.SecurityGroup(id)})"));
        if (config.ExemptNamespaces.Count == 0) return labelled;
        var exempt = $"{{{string.Join(", ", config.ExemptNamespaces.Select(ns => $"'{ns}'"))}}}";
        var vetted = $"{(groupIds.Count == 1 ? labelled : $"({labelled})")} && {LabelKeys.CalicoNamespace} not in {exempt}";
        return groupIds.Any(config.IsUnclaimedPodGroup) ? $"({vetted}) || {LabelKeys.CalicoNamespace} in {exempt}" : vetted;
    }

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
