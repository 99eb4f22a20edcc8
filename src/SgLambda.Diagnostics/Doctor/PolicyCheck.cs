using SgLambda.Core.Calico;
using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Every SG of the VPC has its policies (all parts): its <c>sg-local.&lt;sg&gt;</c> and, when a rule names it,
/// its <c>sg-remote.for-&lt;sg&gt;</c>; every shared address-peer policy has all its parts; and no policy
/// remains for an SG that is gone.
/// </summary>
public static class PolicyCheck
{
    public const string Title = "A policy for every security group, none for deleted ones";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<DoctorFinding>();
        var rendered = context.Rendered.Objects.OfType<GlobalNetworkPolicy>()
            .Select(p => (Group: GroupOf(p), p.Key))
            .Where(p => p.Group is not null)
            .GroupBy(p => p.Group!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList(), StringComparer.Ordinal);

        foreach (var (group, keys) in rendered.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var missing = keys.Where(k => !context.ClusterByKey.ContainsKey(k)).OrderBy(k => k).ToList();
            if (missing.Count == 0) continue;
            findings.Add(new DoctorFinding(CheckIds.Policies, FindingIds.PolicyMissing, DoctorSeverity.Error, group,
                $"security group {group} has no {string.Join(", ", missing.Select(k => k.Name))}",
                "without its policies the SG's rules are not enforced: its members deny what the SG allows, and toward VPC members whose SGs name it what those SGs allow (the tiers' default is Deny)",
                DoctorContext.ReconcileFix) { Objects = missing });
        }

        // The shared policies of CIDR and prefix-list rules: one finding per bucket missing any of its parts.
        var buckets = context.Rendered.Objects.OfType<GlobalNetworkPolicy>()
            .Select(p => (Target: RemoteTarget.FromLabels(p.Metadata.Labels) as RemoteTarget.AddressPeers, p.Key))
            .Where(p => p.Target is not null && !context.ClusterByKey.ContainsKey(p.Key))
            .GroupBy(p => p.Target!.PolicyName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            var missing = bucket.Select(p => p.Key).OrderBy(k => k).ToList();
            findings.Add(new DoctorFinding(CheckIds.Policies, FindingIds.PolicyMissing, DoctorSeverity.Error, bucket.Key,
                $"the shared policy of CIDR and prefix-list rules {bucket.Key} has no {string.Join(", ", missing.Select(k => k.Name))}",
                "the CIDR and prefix-list rules it holds are not enforced: pods and nodes are denied toward the VPC members of those rules' SGs what the rules allow (the tier's last policy denies governed peers)",
                DoctorContext.ReconcileFix) { Objects = missing });
        }

        // Any SG AWS still has (a rule may name one of a peered VPC): its policy is stale because no rule names it.
        var existing = context.Input.Aws.SecurityGroups.Select(g => g.GroupId.Trim()).ToHashSet(StringComparer.Ordinal);
        var namedNow = context.Rendered.Objects.OfType<GlobalNetworkPolicy>()
            .Select(p => (RemoteTarget.FromLabels(p.Metadata.Labels) as RemoteTarget.ForGroup)?.GroupId)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Stale: the policies of an SG nothing is rendered for, and an sg-remote.for-<sg> that no rule needs now.
        var stale = context.Owned.OfType<GlobalNetworkPolicy>()
            .Select(p => (Group: GroupOf(p), p.Key, RemoteFor: RemoteTarget.FromLabels(p.Metadata.Labels) is RemoteTarget.ForGroup))
            .Where(p => p.Group is not null && (!rendered.ContainsKey(p.Group) || (p.RemoteFor && !namedNow.Contains(p.Group))))
            .GroupBy(p => p.Group!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in stale)
        {
            var keys = group.Select(p => p.Key).OrderBy(k => k).ToList();
            var names = string.Join(", ", keys.Select(k => k.Name));
            var (what, why) = existing.Contains(group.Key) && group.All(p => p.RemoteFor)
                ? ($"no rule names security group {group.Key} any more, but {names} remain",
                    "a stale policy keeps passing traffic that the SGs' rules no longer allow")
                : ($"security group {group.Key} no longer exists in the VPC, but {names} remain",
                    "a stale policy keeps passing traffic for an SG that AWS no longer has, and its id may confuse whoever reads the tiers");
            findings.Add(new DoctorFinding(CheckIds.Policies, FindingIds.PolicyStale, DoctorSeverity.Warning, group.Key, what, why,
                DoctorContext.ReconcileFix) { Objects = keys });
        }
        return CheckResult.Of(CheckIds.Policies, Title, findings);
    }

    /// <summary>The SG a policy is for: its own (<c>sg-local</c>), or the one whose members it selects (<c>sg-remote.for-&lt;sg&gt;</c>).</summary>
    private static string? GroupOf(GlobalNetworkPolicy policy) =>
        policy.Metadata.Labels?.GetValueOrDefault(LabelKeys.SecurityGroupId)
        ?? (RemoteTarget.FromLabels(policy.Metadata.Labels) as RemoteTarget.ForGroup)?.GroupId;
}
