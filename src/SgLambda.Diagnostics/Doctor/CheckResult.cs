namespace SgLambda.Diagnostics.Doctor;

/// <summary>The outcome of one check: its findings, or why it was skipped.</summary>
public sealed record CheckResult(string Check, string Title, CheckStatus Status, string? SkipReason, IReadOnlyList<DoctorFinding> Findings)
{
    public static CheckResult Of(string check, string title, IReadOnlyList<DoctorFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return new(check, title, findings.Count == 0 ? CheckStatus.Passed : CheckStatus.Failed, null, findings);
    }

    public static CheckResult Skip(string check, string title, string reason) => new(check, title, CheckStatus.Skipped, reason, []);
}
