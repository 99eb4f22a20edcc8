using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// <c>sglambda doctor -o json</c>: <c>{"healthy", "summary": {passed, failed, skipped, findings},
/// "checks": [{"check", "title", "status", "skipReason", "findings": [{"id", "severity", "subject", "what",
/// "why", "fix"}]}]}</c>.
/// </summary>
public static class DoctorReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToJson(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["healthy"] = report.IsHealthy,
            ["summary"] = new JsonObject
            {
                ["passed"] = report.Checks.Count(c => c.Status == CheckStatus.Passed),
                ["failed"] = report.Checks.Count(c => c.Status == CheckStatus.Failed),
                ["skipped"] = report.Checks.Count(c => c.Status == CheckStatus.Skipped),
                ["findings"] = report.Findings.Count(),
            },
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode)new JsonObject
            {
                ["check"] = c.Check,
                ["title"] = c.Title,
                ["status"] = Lower(c.Status.ToString()),
                ["skipReason"] = c.SkipReason,
                ["findings"] = new JsonArray([.. c.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f.Id,
                    ["severity"] = Lower(f.Severity.ToString()),
                    ["subject"] = f.Subject,
                    ["what"] = f.What,
                    ["why"] = f.Why,
                    ["fix"] = f.Fix,
                })]),
            })]),
        };
    }

    public static string ToJsonString(DoctorReport report) => ToJson(report).ToJsonString(Indented);

    private static string Lower(string text) => text.ToLowerInvariant();
}
