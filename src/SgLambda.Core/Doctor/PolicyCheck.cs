using SgLambda.Core.Calico;

namespace SgLambda.Core.Doctor;

/// <summary>Every SG of the VPC has its policies (all parts), and no policy remains for an SG that is gone.</summary>
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
            var missing = keys.Where(k => !context.ClusterByKey.ContainsKey(k)).ToList();
            if (missing.Count == 0) continue;
            findings.Add(new DoctorFinding(CheckIds.Policies, FindingIds.PolicyMissing, DoctorSeverity.Error, group,
                $"security group {group} has no {string.Join(", ", missing.Select(k => k.Name))}",
                "without its policies the SG's rules are not enforced: its members deny what the SG allows (the tiers' default is Deny)",
                DoctorContext.ReconcileFix) { Objects = missing });
        }

        var stale = context.Owned.OfType<GlobalNetworkPolicy>()
            .Select(p => (Group: GroupOf(p), p.Key))
            .Where(p => p.Group is not null && !rendered.ContainsKey(p.Group))
            .GroupBy(p => p.Group!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in stale)
        {
            var keys = group.Select(p => p.Key).OrderBy(k => k).ToList();
            findings.Add(new DoctorFinding(CheckIds.Policies, FindingIds.PolicyStale, DoctorSeverity.Warning, group.Key,
                $"security group {group.Key} no longer exists in the VPC, but {string.Join(", ", keys.Select(k => k.Name))} remain",
                "a stale policy keeps passing traffic for an SG that AWS no longer has, and its id may confuse whoever reads the tiers",
                DoctorContext.ReconcileFix) { Objects = keys });
        }
        return CheckResult.Of(CheckIds.Policies, Title, findings);
    }

    private static string? GroupOf(GlobalNetworkPolicy policy) => policy.Metadata.Labels?.GetValueOrDefault(LabelKeys.SecurityGroupId);
}
