using SgLambda.Core.Doctor;

namespace SgLambda.Cli.Doctor;

/// <summary>Prints a doctor report: findings grouped by check, each with what, why and fix, then a summary line.</summary>
internal static class DoctorPrinter
{
    public static void Print(DoctorReport report, string format, TextWriter stdout)
    {
        if (string.Equals(format, ReportPrinter.Json, StringComparison.Ordinal))
        {
            stdout.WriteLine(DoctorReportJson.ToJsonString(report));
            return;
        }
        foreach (var check in report.Checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Passed => "ok  ",
                CheckStatus.Failed => "FAIL",
                _ => "skip",
            };
            stdout.WriteLine(check.SkipReason is { } reason ? $"{mark} {check.Title} ({reason})" : $"{mark} {check.Title}");
            foreach (var finding in check.Findings)
            {
                stdout.WriteLine($"     {(finding.Severity == DoctorSeverity.Error ? "error  " : "warning")} {finding.What}");
                stdout.WriteLine($"             why: {finding.Why}");
                stdout.WriteLine($"             fix: {finding.Fix}");
            }
        }
        stdout.WriteLine(Summary(report));
    }

    public static string Summary(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var passed = report.Checks.Count(c => c.Status == CheckStatus.Passed);
        var skipped = report.Checks.Count(c => c.Status == CheckStatus.Skipped);
        var findings = report.Findings.ToList();
        if (findings.Count == 0) return $"healthy: {passed} checks passed, {skipped} skipped";
        var errors = findings.Count(f => f.Severity == DoctorSeverity.Error);
        return $"{findings.Count} problem(s) ({errors} error(s), {findings.Count - errors} warning(s)) in {report.Checks.Count(c => c.Status == CheckStatus.Failed)} check(s); {passed} passed, {skipped} skipped";
    }
}
