using SgLambda.Core.Sync;

namespace SgLambda.Cli;

/// <summary>Prints a sync report for people (text) or machines (<c>-o json</c>).</summary>
internal static class ReportPrinter
{
    public const string Text = "text";
    public const string Json = "json";

    public static void Print(SyncReport report, string format, string verb, TextWriter stdout, TextWriter stderr)
    {
        if (string.Equals(format, Json, StringComparison.Ordinal))
        {
            stdout.WriteLine(SyncReportJson.ToJsonString(report));
        }
        else
        {
            if (report.Event is { } classified)
            {
                var e = classified.Event;
                stdout.WriteLine($"event {e.Id}: {e.EventName ?? e.DetailType} ({e.Source}, {e.Account}, {e.Region})");
                if (classified.Reason is { } reason) stdout.WriteLine($"  {reason}");
            }
            if (report.Skipped is { } skipped)
            {
                stdout.WriteLine($"skipped: {skipped}");
                return;
            }
            stdout.WriteLine(report.IsEmpty
                ? $"{verb}: nothing to change"
                : $"{verb}: {report.Plan.Apply.Count} to apply, {report.Plan.Delete.Count} to delete, {report.TrustAttachments.Count} trust SG attachments");
            foreach (var value in report.Plan.Apply) stdout.WriteLine($"  apply   {value.Key}");
            foreach (var deletion in report.Plan.Delete) stdout.WriteLine($"  delete  {deletion.Key}");
            foreach (var attachment in report.TrustAttachments) stdout.WriteLine($"  trust   {attachment.Kind} {attachment.Id}: {string.Join(", ", attachment.GroupIds)}");
        }
        foreach (var warning in report.Plan.Warnings) stderr.WriteLine("warning: " + warning);
    }
}
