using System.CommandLine;
using SgLambda.Cli.Output;
using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>
/// <c>sglambda reconcile</c>: the whole VPC against everything SgLambda owns in the cluster, the same
/// planner the scheduled function uses; deletes orphans. Offline on snapshot files.
/// </summary>
internal sealed class ReconcileCommand
{
    private readonly SyncOptions _options = new();

    public ReconcileCommand()
    {
        Command = new Command("reconcile", "Plan (and apply) the full reconcile: render the whole VPC, diff against the cluster, delete orphans.");
        _options.AddTo(Command);
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        SyncTarget target;
        // Applying a large plan takes a while: a progress bar on stderr, when it is a terminal.
        var progress = ProgressBar.For(stderr);
        try
        {
            target = _options.Open(parseResult, store => new ProgressCalicoStore(store, progress));
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        try
        {
            var report = await target.Engine.PlanReconcileAsync(cancellationToken);
            progress.Start(report.Plan.Apply.Count + report.Plan.Delete.Count, "applying the reconcile");
            try
            {
                return await target.FinishAsync(report, parseResult, "reconcile", stdout, stderr, cancellationToken);
            }
            finally
            {
                progress.Finish();
            }
        }
        catch (Exception e) when (ServiceErrors.IsServiceFailure(e))
        {
            return ServiceErrors.Report(e, stderr);
        }
    }
}
