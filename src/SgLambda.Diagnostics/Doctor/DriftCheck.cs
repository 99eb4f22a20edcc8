using SgLambda.Core.Planning;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// What a reconcile would change now (a fresh render against what SgLambda owns), beyond what the other
/// checks already named: a missed event, or a hand edit of an owned object.
/// </summary>
public static class DriftCheck
{
    public const string Title = "The cluster matches a fresh render";

    /// <param name="context">The installation.</param>
    /// <param name="explained">Objects other checks already reported.</param>
    public static CheckResult Run(DoctorContext context, IReadOnlySet<Core.Calico.ObjectKey> explained)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(explained);
        var plan = Planner.Diff(context.Rendered.Objects, context.Owned);
        var findings = new List<DoctorFinding>();
        const string Why = "the cluster no longer says what the security groups say: events were missed, or someone edited SgLambda's objects";
        foreach (var value in plan.Apply.Where(o => !explained.Contains(o.Key)))
        {
            var what = context.ClusterByKey.ContainsKey(value.Key)
                ? $"{value.Key} differs from a fresh render"
                : $"{value.Key} is missing";
            findings.Add(new DoctorFinding(CheckIds.Drift, FindingIds.DriftApply, DoctorSeverity.Error, value.Key.ToString(), what, Why, DoctorContext.ReconcileFix)
            { Objects = [value.Key] });
        }
        foreach (var deletion in plan.Delete.Where(d => !explained.Contains(d.Key)))
        {
            findings.Add(new DoctorFinding(CheckIds.Drift, FindingIds.DriftDelete, DoctorSeverity.Warning, deletion.Key.ToString(),
                $"{deletion.Key} is no longer rendered", Why, DoctorContext.ReconcileFix) { Objects = [deletion.Key] });
        }
        return CheckResult.Of(CheckIds.Drift, Title, findings);
    }
}
