using SgLambda.Core.Calico;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Planning;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Every SG-aware Kubernetes NetworkPolicy (annotation <c>rules.networkpolicy.tigera.io/match-security-groups</c>)
/// has its companion as the reconcile writes it, and no companion outlives its reason. Without the companion the
/// policy admits pods only: the SG's VPC members stay denied.
/// </summary>
public static class CompanionCheck
{
    public const string Title = "A companion for every SG-aware NetworkPolicy, none left over";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observed = context.Input.NetworkPolicies;
        if (observed.SkippedBecause is { } reason) return CheckResult.Skip(CheckIds.Companions, Title, reason);

        var desired = observed.Value!
            .Select(policy => CompanionPolicy.For(policy, context.Input.Config.CalicoApiGroup))
            .OfType<NetworkPolicy>()
            .ToList();
        var current = context.Input.Cluster.OfType<NetworkPolicy>().ToList();
        var plan = Planner.Diff(desired, current);
        var findings = new List<DoctorFinding>();
        const string Why = "without it the NetworkPolicy admits only pods: the VPC members in the security groups it names stay denied";
        foreach (var value in plan.Apply)
        {
            var exists = current.Any(c => c.Key == value.Key);
            findings.Add(new DoctorFinding(CheckIds.Companions, exists ? FindingIds.CompanionStale : FindingIds.CompanionMissing,
                DoctorSeverity.Error, value.Key.ToString(),
                exists ? $"{value.Key} differs from what its NetworkPolicy asks for" : $"{value.Key} is missing",
                Why, DoctorContext.ReconcileFix) { Objects = [value.Key] });
        }
        foreach (var taken in desired.Where(d => current.Any(c => c.Key == d.Key && !Planner.IsOwned(c))))
        {
            findings.Add(new DoctorFinding(CheckIds.Companions, FindingIds.CompanionNameTaken, DoctorSeverity.Error, taken.Key.ToString(),
                $"{taken.Key} exists but SgLambda does not own it, so the companion cannot be written", Why,
                $"rename or delete that policy (kubectl delete networkpolicies.{context.KubectlGroup} -n {taken.Metadata.Namespace} {taken.Metadata.Name}), then {DoctorContext.ReconcileFix}")
            { Objects = [taken.Key] });
        }
        foreach (var deletion in plan.Delete)
        {
            findings.Add(new DoctorFinding(CheckIds.Companions, FindingIds.CompanionStale, DoctorSeverity.Warning, deletion.Key.ToString(),
                $"{deletion.Key} is a companion whose NetworkPolicy is gone or no longer SG-aware",
                "it still admits the security groups' members to the pods it selects", DoctorContext.ReconcileFix) { Objects = [deletion.Key] });
        }
        return CheckResult.Of(CheckIds.Companions, Title, findings);
    }
}
