using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Admission;

/// <summary>Pod membership, SEMANTICS.md section 3: which SGs a pod is in, and so which labels it carries.</summary>
public static class PodMembership
{
    /// <summary>
    /// The annotation's SGs plus the pod-default SG; with no SG claimed, the node SGs plus the pod-default
    /// SG. Internal SGs never become labels. Distinct, ordinal order.
    /// </summary>
    public static IReadOnlyList<string> SecurityGroups(IReadOnlyList<string> claimedIds, SgLambdaConfig config)
    {
        IEnumerable<string> groups = claimedIds.Count > 0 ? claimedIds : config.NodeSecurityGroupIds;
        if (config.PodSecurityGroupId is { Length: > 0 } podDefault) groups = groups.Append(podDefault);
        return [.. groups.Where(id => !config.IsInternal(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The <c>sg.aws.tigera.io/&lt;sg-id&gt;</c> label keys of <see cref="SecurityGroups"/>; every value is <c>""</c>.</summary>
    public static IReadOnlyList<string> LabelKeysFor(IReadOnlyList<string> claimedIds, SgLambdaConfig config) =>
        [.. SecurityGroups(claimedIds, config).Select(LabelKeys.SecurityGroup)];

    /// <summary>Null when the claim is acceptable; pods cannot be members of the internal SGs.</summary>
    public static string? CheckClaim(IReadOnlyList<string> claimedIds, SgLambdaConfig config)
    {
        var internalIds = claimedIds.Where(config.IsInternal).ToList();
        if (internalIds.Count == 0) return null;
        return $"annotation {LabelKeys.SecurityGroupsAnnotation} names {string.Join(", ", internalIds)}, "
            + "an internal SG of SgLambda (trust or enforced) that pods cannot join. Remove it, e.g. "
            + $"[\"{AdmissionKeys.ExampleSecurityGroupId}\"]";
    }
}
