using FsCheck;
using FsCheck.Fluent;
using SgLambda.Diagnostics.Doctor;
using static SgLambda.Diagnostics.Tests.Doctor.Installation;

namespace SgLambda.Diagnostics.Tests.Doctor;

public class DoctorProperties
{
    /// <summary>
    /// Whatever rendered objects are missing from the cluster, each is reported by exactly one finding,
    /// and nothing else is: the checks and drift neither miss nor double-count.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 100, QuietOnSuccess = true)]
    public Property Every_missing_object_is_reported_exactly_once()
    {
        var rendered = Cluster();
        var masks = ArbMap.Default.GeneratorFor<bool>().ArrayOf(rendered.Count).ToArbitrary();
        return Prop.ForAll(masks, mask =>
        {
            var removed = rendered.Where((_, i) => mask[i]).Select(o => o.Key).ToHashSet();
            var report = InstallationDoctor.Examine(Healthy() with { Cluster = [.. rendered.Where((_, i) => !mask[i])] });
            var reported = report.Findings.SelectMany(f => f.Objects).ToList();
            return reported.Count == removed.Count && reported.ToHashSet().SetEquals(removed) && report.IsHealthy == (removed.Count == 0);
        });
    }
}
