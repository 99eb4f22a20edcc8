using System.CommandLine;
using SgLambda.Core.Calico;
using SgLambda.Core.Input;
using SgLambda.Core.Sync;

namespace SgLambda.Cli;

/// <summary>An AWS snapshot and a cluster snapshot file standing in for AWS and the cluster.</summary>
internal sealed record OfflineTarget(SyncEngine Engine, InMemoryCalicoStore Cluster, string ClusterPath, RenderInput Input, SyncOptions Options)
{
    /// <summary>Prints the report; without --dry-run applies it to the cluster snapshot and writes the file back.</summary>
    public async Task<int> FinishAsync(SyncReport report, ParseResult parseResult, string verb, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ReportPrinter.Print(report, parseResult.GetRequiredValue(Options.Output), verb, stdout, stderr);
        if (parseResult.GetValue(Options.DryRun) || report.Plan.IsEmpty) return ExitCodes.Success;
        await Engine.ApplyAsync(report.Plan, cancellationToken);
        await File.WriteAllTextAsync(ClusterPath, CalicoSerializer.ToListJson(Cluster.Objects) + Environment.NewLine, cancellationToken);
        if (report.TrustAttachments.Count > 0)
            stderr.WriteLine("warning: trust SG attachments are not applied offline (no AWS access)");
        return ExitCodes.Success;
    }
}
