namespace SgLambda.Diagnostics.Doctor;

/// <summary>Every check of an installation, in the order they ran.</summary>
public sealed record DoctorReport(IReadOnlyList<CheckResult> Checks)
{
    public IEnumerable<DoctorFinding> Findings => Checks.SelectMany(c => c.Findings);

    /// <summary>No check found a problem (skipped checks are not problems, but are not passes either).</summary>
    public bool IsHealthy => Checks.All(c => c.Status != CheckStatus.Failed);
}
