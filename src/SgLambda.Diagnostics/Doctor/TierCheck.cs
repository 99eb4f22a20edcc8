using System.Globalization;
using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// The three integration tiers exist with SEMANTICS.md section 2's order and default action, and no other
/// tier sits among them (its policies would decide before sg-local or metadata).
/// </summary>
public static class TierCheck
{
    public const string Title = "Tiers sg-remote (105), sg-local (106), metadata (107)";
    private const string Fix = "kubectl apply -f infra/cluster/tiers.yaml";

    private static readonly (string Name, double Order, string DefaultAction)[] Expected =
    [
        (TierNames.SgRemote, TierNames.SgRemoteOrder, RuleActions.Deny),
        (TierNames.SgLocal, TierNames.SgLocalOrder, RuleActions.Deny),
        (TierNames.Metadata, TierNames.MetadataOrder, RuleActions.Pass),
    ];

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Owned or not: tiers.yaml and the reconciler both write them.
        var tiers = context.Input.Cluster.OfType<Tier>().ToDictionary(t => t.Metadata.Name, StringComparer.Ordinal);
        var findings = new List<DoctorFinding>();
        foreach (var (name, order, defaultAction) in Expected)
        {
            var key = new ObjectKey("Tier", null, name);
            if (!tiers.TryGetValue(name, out var tier))
            {
                findings.Add(new DoctorFinding(CheckIds.Tiers, FindingIds.TierMissing, DoctorSeverity.Error, key.ToString(),
                    $"tier {name} does not exist",
                    "Calico ignores policies whose tier is missing, so the security groups are not enforced", Fix) { Objects = [key] });
                continue;
            }
            if (tier.Spec.Order != order)
            {
                findings.Add(new DoctorFinding(CheckIds.Tiers, FindingIds.TierOrder, DoctorSeverity.Error, key.ToString(),
                    $"tier {name} has order {Format(tier.Spec.Order)}, expected {Format(order)}",
                    "tiers are evaluated by order: sg-remote, sg-local and metadata must run in that order, before the users' own tiers", Fix)
                { Objects = [key] });
            }
            // Calico's default for a tier without defaultAction is Deny.
            var actual = tier.Spec.DefaultAction ?? RuleActions.Deny;
            if (!string.Equals(actual, defaultAction, StringComparison.Ordinal))
            {
                findings.Add(new DoctorFinding(CheckIds.Tiers, FindingIds.TierDefaultAction, DoctorSeverity.Error, key.ToString(),
                    $"tier {name} has defaultAction {actual}, expected {defaultAction}",
                    defaultAction == RuleActions.Deny
                        ? "traffic no SG rule passed must be denied here; with Pass it reaches later tiers and may be allowed"
                        : "the metadata tier only denies metadata access; with Deny it blocks every pod's other traffic",
                    Fix) { Objects = [key] });
            }
        }

        foreach (var tier in tiers.Values.Where(t => !Expected.Any(e => e.Name == t.Metadata.Name)).OrderBy(t => t.Metadata.Name, StringComparer.Ordinal))
        {
            if (tier.Spec.Order is not { } order || order < TierNames.SgRemoteOrder || order > TierNames.MetadataOrder) continue;
            var key = tier.Key;
            findings.Add(new DoctorFinding(CheckIds.Tiers, FindingIds.TierInterleaved, DoctorSeverity.Error, key.ToString(),
                $"tier {tier.Metadata.Name} (order {Format(order)}) sits among the integration tiers (105 to 107)",
                "its policies decide before sg-local or metadata, so traffic may be allowed or denied against the security groups",
                $"kubectl patch tiers.{context.KubectlGroup} {tier.Metadata.Name} --type merge -p '{{\"spec\":{{\"order\":200}}}}' (any order above 107)")
            { Objects = [key] });
        }
        return CheckResult.Of(CheckIds.Tiers, Title, findings);
    }

    private static string Format(double? order) => order?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
}
