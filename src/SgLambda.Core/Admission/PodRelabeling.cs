using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Admission;

/// <summary>
/// Which running pods lack the <c>sg.aws.tigera.io/*</c> labels the webhook would write: pods admitted while the
/// webhook failed open, or started before SgLambda was installed. The reconciler sends each an UPDATE, which the
/// webhook answers, so they are relabelled without a restart.
/// </summary>
public static class PodRelabeling
{
    /// <summary>
    /// True when the pod's SG labels differ from <see cref="PodMembership"/> of its claim. Never for pods the webhook
    /// does not see (exempt namespaces, host network) or whose claim the webhook would refuse (it would refuse the UPDATE too).
    /// </summary>
    public static bool NeedsRelabel(PodLabelState pod, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(config);
        if (pod.HostNetwork || config.IsExemptNamespace(pod.Namespace)) return false;
        IReadOnlyList<string> claimed = [];
        if (pod.Claim is { } claim)
        {
            var parsed = SecurityGroupList.Parse(claim, LabelKeys.SecurityGroupsAnnotation);
            if (!parsed.IsValid || PodMembership.CheckClaim(parsed.Ids, config) is not null) return false;
            claimed = parsed.Ids;
        }
        var expected = PodMembership.LabelKeysFor(claimed, config);
        var actual = pod.Labels.Keys.Where(key => key.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal));
        return !actual.ToHashSet(StringComparer.Ordinal).SetEquals(expected);
    }
}
