using System.CommandLine;
using System.Globalization;
using SgLambda.Cli.Output;
using SgLambda.Cli.Sandbox;
using SgLambda.Diagnostics.Explain;

namespace SgLambda.Cli.Demo;

/// <summary>
/// <c>sglambda demo</c>: the seed tutorial on the embedded emulators, no AWS and no cluster. After each step
/// it prints what the functions wrote and the connectivity verdicts, and exits 0 only when every verdict is
/// the one the tutorial's story expects (so it doubles as a smoke test).
/// </summary>
internal sealed class DemoCommand
{
    private readonly Option<bool> _noColor = new("--no-color")
    {
        Description = "No colour, even on a terminal (NO_COLOR does the same)",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "Also print the functions' structured logs",
    };

    public DemoCommand()
    {
        Command = new Command("demo", "Run the AWS security group tutorial on built-in AWS and Kubernetes emulators: no AWS, no cluster.")
        {
            _noColor, _verbose,
        };
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var painter = Terminal.PainterFor(stdout, parseResult.GetValue(_noColor));
        using var functionLog = new StringWriter(CultureInfo.InvariantCulture);
        await using var world = await DemoWorld.StartAsync(functionLog, cancellationToken);
        var ids = new DemoIds();

        stdout.WriteLine(painter.Paint("SgLambda demo: the AWS security groups tutorial, on built-in EC2 and Kubernetes emulators", TextStyle.Bold));
        stdout.WriteLine($"VPC {world.Config.VpcId}, cluster {world.Config.ClusterName}, node {DemoWorld.NodeName}"
            + (world.SchemasValidated ? "" : " (Calico CRDs not found: objects are not schema-checked; set SGLAMBDA_CALICO_CRDS)"));
        stdout.WriteLine();

        var before = await CalicoWrites.VersionsAsync(world.Sandbox, cancellationToken);
        await world.ReconcileAsync();
        stdout.WriteLine(painter.Paint("Step 0: SgLambda is installed; the reconciler function renders the VPC", TextStyle.Accent));
        before = await CalicoWrites.PrintAsync(world.Sandbox, before, stdout, painter, cancellationToken);
        stdout.WriteLine();

        var broken = 0;
        var number = 0;
        foreach (var step in DemoScenario.Steps(ids))
        {
            number++;
            stdout.WriteLine(painter.Paint($"Step {number}: {step.Title}", TextStyle.Accent));
            if (step.PendingReason is { } pending)
            {
                stdout.WriteLine(painter.Paint($"  skipped: {pending}", TextStyle.Warning));
                stdout.WriteLine();
                continue;
            }
            foreach (var line in await step.Act(world, cancellationToken)) stdout.WriteLine("  " + line);
            before = await CalicoWrites.PrintAsync(world.Sandbox, before, stdout, painter, cancellationToken);
            broken += await PrintVerdicts(world, ids, step.Checks, stdout, painter, cancellationToken);
        }

        if (parseResult.GetValue(_verbose))
        {
            stdout.WriteLine(painter.Paint("Function logs", TextStyle.Bold));
            stdout.Write(functionLog.ToString());
        }
        stdout.WriteLine(broken == 0
            ? painter.Paint("Every verdict is the tutorial's.", TextStyle.Good)
            : painter.Paint($"{broken} verdict(s) differ from the tutorial.", TextStyle.Bad));
        stdout.WriteLine("Explain any flow yourself: sglambda explain --from ... --to ... --port 80/tcp (see README).");
        return broken == 0 ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }

    /// <summary>Prints each check's verdicts; returns how many differ from the story.</summary>
    private static async Task<int> PrintVerdicts(DemoWorld world, DemoIds ids, IReadOnlyList<DemoCheck> checks, TextWriter stdout, Painter painter, CancellationToken cancellationToken)
    {
        var explainer = new Explainer(await world.ExplainInputsAsync(cancellationToken));
        var table = new TextTable("FROM", "TO", "PORT", "VERDICT", "STORY", "CALICO", "AWS SG");
        var broken = 0;
        foreach (var check in checks)
        {
            var report = explainer.Explain(ids.Resolve(check.From), ids.Resolve(check.To), check.Port);
            var matches = report.Allowed == check.ExpectAllowed;
            if (!matches) broken++;
            table.Add(
                check.From,
                check.To,
                check.Port,
                new TableCell(report.Allowed ? "allowed" : "denied", report.Allowed ? TextStyle.Good : TextStyle.Bad),
                new TableCell(matches ? "as told" : $"MISMATCH (expected {(check.ExpectAllowed ? "allowed" : "denied")})", matches ? TextStyle.Dim : TextStyle.Bad),
                Decider(report),
                Aws(report));
        }
        stdout.WriteLine("  Connectivity:");
        table.Write(stdout, painter, "    ");
        stdout.WriteLine();
        return broken;
    }

    /// <summary>The step that decided on the side that matters: the first side that denied, else the destination's.</summary>
    private static string Decider(ExplainReport report)
    {
        var sides = new[] { report.CalicoEgress, report.CalicoIngress }.OfType<CalicoSideReport>().ToList();
        if (sides.Count == 0) return "not enforced";
        var side = sides.FirstOrDefault(s => s.Outcome == Diagnostics.Evaluation.SideOutcome.Denied) ?? sides[^1];
        var row = side.Tiers.LastOrDefault(t => t.Decision is TierDecision.Allow or TierDecision.Deny)
            ?? side.Tiers.LastOrDefault(t => t.Decision == TierDecision.Pass);
        if (row is null) return ExplainReportJson.OutcomeName(side.Outcome);
        var by = row.Policy is { } policy ? $"{policy}{(row.RuleIndex is { } index ? $" rule {index}" : "")}" : row.By;
        return $"{row.Tier}: {ExplainReportJson.DecisionName(row.Decision)} ({by}{(row.RuleId is { } id ? ", " + id : "")})";
    }

    private static string Aws(ExplainReport report)
    {
        if (report.AwsExemption is { } exemption) return "not filtered: " + exemption;
        foreach (var side in new[] { report.AwsEgress, report.AwsIngress })
        {
            if (!side.Allowed) return $"{(side.Direction == Diagnostics.Evaluation.TrafficDirection.Egress ? "egress" : "ingress")}: no rule of {string.Join(", ", side.SecurityGroups)}";
        }
        var rule = report.AwsIngress.Rule ?? report.AwsEgress.Rule;
        return rule is null ? "allowed (not governed)" : $"allowed by {rule.SecurityGroupName ?? rule.SecurityGroupId}{(rule.RuleId is { } id ? " " + id : "")}";
    }
}
