using System.CommandLine;
using SgLambda.Composition;
using SgLambda.Core.Configuration;
using SgLambda.Core.Sync;

namespace SgLambda.Cli;

/// <summary>AWS and the cluster as the options chose them, and the engine between them.</summary>
internal sealed record SyncTarget(SyncEngine Engine, Composed Sources, SyncOptions Options)
{
    public SgLambdaConfig Config => Sources.Config;

    /// <summary>
    /// Prints the report; without --dry-run applies it (to the live cluster and AWS, or to the cluster
    /// snapshot file, which is written back).
    /// </summary>
    public async Task<int> FinishAsync(SyncReport report, ParseResult parseResult, string verb, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ReportPrinter.Print(report, parseResult.GetRequiredValue(Options.Output), verb, stdout, stderr);
        if (parseResult.GetValue(Options.DryRun) || report.IsEmpty) return ExitCodes.Success;
        if (Sources.BothLive)
        {
            await Engine.ApplyAsync(report, cancellationToken);
            return ExitCodes.Success;
        }
        await Engine.ApplyAsync(report.Plan, cancellationToken);
        Sources.Cluster.Snapshot?.Save();
        if (report.TrustAttachments.Count > 0)
            stderr.WriteLine("warning: trust SG attachments are applied only when both AWS and the cluster are live");
        return ExitCodes.Success;
    }
}
