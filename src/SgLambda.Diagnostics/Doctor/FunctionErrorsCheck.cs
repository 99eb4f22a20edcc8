namespace SgLambda.Diagnostics.Doctor;

/// <summary>The functions logged no error in the last hour.</summary>
public static class FunctionErrorsCheck
{
    public const string Title = "No function errors in the last hour";

    /// <summary>CloudWatch Logs' JSON filter for the functions' structured error lines.</summary>
    public const string ErrorFilterPattern = "{ $.level = \"Error\" }";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observed = context.Input.FunctionErrors;
        if (observed.SkippedBecause is { } reason) return CheckResult.Skip(CheckIds.FunctionErrors, Title, reason);
        var findings = new List<DoctorFinding>();
        foreach (var group in observed.Value!)
        {
            if (!group.Exists)
            {
                findings.Add(new DoctorFinding(CheckIds.FunctionErrors, FindingIds.LogGroupMissing, DoctorSeverity.Warning, group.LogGroupName,
                    $"log group {group.LogGroupName} does not exist",
                    "the function has never run (or the name is wrong), so nothing keeps the cluster in sync",
                    "pass the log groups of the stack's functions (/aws/lambda/<function name>; outputs ChangeHandlerLogGroup, ReconcilerLogGroup)"));
                continue;
            }
            if (group.ErrorCount == 0) continue;
            var samples = group.Samples.Count == 0 ? "" : ": " + string.Join(" | ", group.Samples);
            findings.Add(new DoctorFinding(CheckIds.FunctionErrors, FindingIds.FunctionErrors, DoctorSeverity.Warning, group.LogGroupName,
                $"{group.ErrorCount} error line(s) in {group.LogGroupName} in the last hour{samples}",
                "events or reconciles that failed leave the cluster behind AWS (AWS or the cluster refused, or a bug)",
                $"aws logs filter-log-events --log-group-name {group.LogGroupName} --filter-pattern '{ErrorFilterPattern}' --start-time <epoch ms an hour ago>"));
        }
        return CheckResult.Of(CheckIds.FunctionErrors, Title, findings);
    }
}
