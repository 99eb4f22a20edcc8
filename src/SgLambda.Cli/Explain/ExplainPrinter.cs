using System.Globalization;
using SgLambda.Cli.Output;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Diagnostics.Explain;

namespace SgLambda.Cli.Explain;

/// <summary>The explain report for people: the verdict first, then Calico tier by tier on each enforced side, then AWS.</summary>
internal static class ExplainPrinter
{
    public static void Print(ExplainReport report, TextWriter stdout, Painter painter)
    {
        stdout.WriteLine($"{painter.Paint("explain", TextStyle.Bold)} {Describe(report.From, report.Flow.Source.ToString())} -> {Describe(report.To, report.Flow.Destination.ToString())}  {report.Traffic}");
        stdout.WriteLine();
        var verdict = report.Allowed ? painter.Paint("ALLOWED", TextStyle.Good) : painter.Paint("DENIED", TextStyle.Bad);
        var agreement = !report.CalicoEnforced ? "Calico enforces neither end; AWS decides"
            : report.Agree ? $"the integration tiers and AWS agree ({(report.AwsAllowed ? "SGs allow" : "SGs deny")})"
            : painter.Paint($"the integration tiers {(report.IntegrationTiersPass ? "pass" : "deny")} but AWS SGs {(report.AwsAllowed ? "allow" : "deny")}: out of sync (run sglambda reconcile)", TextStyle.Warning);
        stdout.WriteLine($"verdict: {verdict}  {agreement}");
        if (report.CalicoEnforced && report.IntegrationTiersPass && !report.CalicoAllowed)
            stdout.WriteLine("         the SGs allow it; a later tier (Kubernetes or Calico NetworkPolicy) denies it");
        stdout.WriteLine();

        PrintCalicoSide(stdout, painter, "egress", report.CalicoSource, report.CalicoEgress);
        PrintCalicoSide(stdout, painter, "ingress", report.CalicoDestination, report.CalicoIngress);

        stdout.WriteLine($"{painter.Paint("AWS security groups", TextStyle.Bold)}: {Outcome(report.AwsAllowed, painter)}{(report.AwsExemption is { } exemption ? $" (not filtered: {exemption})" : "")}");
        var aws = new TextTable("SIDE", "ENDPOINT", "VERDICT", "SECURITY GROUP", "SG RULE", "DESCRIPTION", "MATCHED");
        foreach (var side in new[] { report.AwsEgress, report.AwsIngress })
        {
            var rule = side.Rule;
            aws.Add(
                side.Direction == TrafficDirection.Egress ? "egress" : "ingress",
                side.Endpoint,
                new TableCell(!side.Governed ? "not governed" : side.Allowed ? "allowed" : "denied", side.Allowed ? TextStyle.Good : TextStyle.Bad),
                rule is null ? (side.Governed && !side.Allowed ? "no rule matches" : "") : rule.SecurityGroupName is { } name ? $"{rule.SecurityGroupId} ({name})" : rule.SecurityGroupId,
                rule?.RuleId ?? "",
                rule?.Description ?? "",
                rule is null ? "" : $"{rule.Protocol}{(rule.Ports is { } ports ? " " + ports : "")} peer {rule.Peer}");
        }
        aws.Write(stdout, painter, "  ");

        if (report.Notes.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine(painter.Paint("notes", TextStyle.Bold));
            foreach (var note in report.Notes) stdout.WriteLine("  - " + note);
        }
    }

    private static void PrintCalicoSide(TextWriter stdout, Painter painter, string direction, string? owner, CalicoSideReport? side)
    {
        var title = painter.Paint($"Calico {direction}", TextStyle.Bold);
        if (side is null)
        {
            stdout.WriteLine($"{title} of {owner ?? "an address Calico does not know"}: not enforced by Calico");
            stdout.WriteLine();
            return;
        }
        var outcome = side.Outcome switch
        {
            SideOutcome.Allowed => painter.Paint("allowed", TextStyle.Good),
            SideOutcome.Denied => painter.Paint("denied", TextStyle.Bad),
            _ => "passed",
        };
        stdout.WriteLine($"{title} of {side.Endpoint}: {outcome}");
        var table = new TextTable("TIER", "DECISION", "BY", "POLICY", "RULE", "SG RULE", "DESCRIPTION");
        foreach (var step in side.Tiers)
        {
            var style = step.Decision switch
            {
                TierDecision.Allow or TierDecision.Pass => TextStyle.Good,
                TierDecision.Deny => TextStyle.Bad,
                _ => TextStyle.Dim,
            };
            table.Add(
                step.Tier,
                new TableCell(ExplainReportJson.DecisionName(step.Decision), style),
                step.By ?? "",
                step.Policy ?? "",
                step.RuleIndex?.ToString(CultureInfo.InvariantCulture) ?? "",
                step.RuleId ?? "",
                step.RuleDescription ?? "");
        }
        table.Write(stdout, painter, "  ");
        stdout.WriteLine();
    }

    private static string Describe(ResolvedEndpoint endpoint, string address) =>
        endpoint.Kind == ExplainEndpointKind.Address ? address : $"{endpoint} ({address})";

    private static string Outcome(bool allowed, Painter painter) =>
        allowed ? painter.Paint("allowed", TextStyle.Good) : painter.Paint("denied", TextStyle.Bad);
}
