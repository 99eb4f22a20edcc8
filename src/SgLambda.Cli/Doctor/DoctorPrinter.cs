using SgLambda.Cli.Output;
using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Cli.Doctor;

/// <summary>Prints a doctor report: findings grouped by check, each with what, why and fix, then a summary line.</summary>
internal static class DoctorPrinter
{
    public static void Print(DoctorReport report, string format, TextWriter stdout, Painter? painter = null)
    {
        painter ??= Painter.None;
        if (string.Equals(format, ReportPrinter.Json, StringComparison.Ordinal))
        {
            stdout.WriteLine(DoctorReportJson.ToJsonString(report));
            return;
        }
        foreach (var check in report.Checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Passed => painter.Paint("ok  ", TextStyle.Good),
                CheckStatus.Failed => painter.Paint("FAIL", TextStyle.Bad),
                _ => painter.Paint("skip", TextStyle.Dim),
            };
            stdout.WriteLine(check.SkipReason is { } reason ? $"{mark} {check.Title} {painter.Paint($"({reason})", TextStyle.Dim)}" : $"{mark} {check.Title}");
            foreach (var finding in check.Findings)
            {
                var severity = finding.Severity == DoctorSeverity.Error
                    ? painter.Paint("error  ", TextStyle.Bad)
                    : painter.Paint("warning", TextStyle.Warning);
                stdout.WriteLine($"     {severity} {finding.What}");
                stdout.WriteLine($"             why: {finding.Why}");
                stdout.WriteLine($"             fix: {painter.Paint(finding.Fix, TextStyle.Accent)}");
            }
        }
        stdout.WriteLine(painter.Paint(Summary(report), report.IsHealthy ? TextStyle.Good : TextStyle.Bold));
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
