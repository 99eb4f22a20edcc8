using SgLambda.Core.Calico;
using SgLambda.Core.Planning;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Objects SgLambda does not own where only SgLambda should write: policies in the integration tiers, and
/// HostEndpoints or GlobalNetworkSets with SgLambda's labels. SgLambda never touches them, and each can
/// change verdicts.
/// </summary>
public static class ForeignObjectCheck
{
    public const string Title = "Nothing SgLambda does not own in the integration tiers";

    private static readonly string[] IntegrationTiers = [TierNames.SgRemote, TierNames.SgLocal, TierNames.Metadata];

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<DoctorFinding>();
        foreach (var value in context.Input.Cluster.Where(o => !Planner.IsOwned(o)).OrderBy(o => o.Key))
        {
            var (what, why) = value switch
            {
                GlobalNetworkPolicy policy when InIntegrationTier(policy.Spec.Tier, policy.Metadata.Name) =>
                    ($"GlobalNetworkPolicy {policy.Metadata.Name} in tier {TierOf(policy.Spec.Tier, policy.Metadata.Name)} is not managed by sglambda",
                        "its rules decide alongside the SGs' own: it can pass or deny what the security groups say"),
                NetworkPolicy policy when InIntegrationTier(policy.Spec.Tier, policy.Metadata.Name) =>
                    ($"NetworkPolicy {policy.Metadata.Namespace}/{policy.Metadata.Name} in tier {TierOf(policy.Spec.Tier, policy.Metadata.Name)} is not managed by sglambda",
                        "its rules decide alongside the SGs' own: it can pass or deny what the security groups say"),
                HostEndpoint or GlobalNetworkSet when HasSgLambdaLabels(value) =>
                    ($"{value.Kind} {value.Metadata.Name} carries SgLambda's labels but is not managed by sglambda",
                        "its IPs count as members of the SGs its labels name (or as a prefix list), and SgLambda will never correct or delete it"),
                _ => (null, null),
            };
            if (what is null) continue;
            findings.Add(new DoctorFinding(CheckIds.ForeignObjects, FindingIds.ForeignObject, DoctorSeverity.Error, value.Key.ToString(), what, why!,
                $"kubectl delete {Resource(value.Kind)}.{context.KubectlGroup} {(value.Metadata.Namespace is { } ns ? $"-n {ns} " : "")}{value.Metadata.Name} (or move it to a tier of your own)")
            { Objects = [value.Key] });
        }
        return CheckResult.Of(CheckIds.ForeignObjects, Title, findings);
    }

    private static bool InIntegrationTier(string? tier, string name) => IntegrationTiers.Contains(TierOf(tier, name), StringComparer.Ordinal);

    /// <summary>Calico puts a policy without <c>spec.tier</c> in <c>default</c>; names are <c>&lt;tier&gt;.&lt;name&gt;</c> in tiers.</summary>
    private static string TierOf(string? tier, string name) =>
        tier is { Length: > 0 } ? tier
        : IntegrationTiers.FirstOrDefault(t => name.StartsWith(t + ".", StringComparison.Ordinal)) ?? "default";

    private static bool HasSgLambdaLabels(CalicoObject value) =>
        value.Metadata.Labels?.Keys.Any(k => k.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal)
            || k.StartsWith("sglambda.io/", StringComparison.Ordinal)) ?? false;

    private static string Resource(string kind) => kind switch
    {
        "GlobalNetworkPolicy" => "globalnetworkpolicies",
        "NetworkPolicy" => "networkpolicies",
        "HostEndpoint" => "hostendpoints",
        "GlobalNetworkSet" => "globalnetworksets",
        _ => kind.ToLowerInvariant() + "s",
    };
}
