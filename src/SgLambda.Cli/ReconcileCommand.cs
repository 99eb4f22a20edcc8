using System.CommandLine;
using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>
/// <c>sglambda reconcile</c>: the whole VPC against everything SgLambda owns in the cluster, the same
/// planner the scheduled function uses; deletes orphans. Offline on snapshot files.
/// </summary>
internal sealed class ReconcileCommand
{
    private readonly SyncOptions options = new();

    public ReconcileCommand()
    {
        Command = new Command("reconcile", "Plan (and apply) the full reconcile: render the whole VPC, diff against the cluster, delete orphans.");
        options.AddTo(Command);
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        SyncTarget target;
        try
        {
            target = options.Open(parseResult);
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        try
        {
            var report = await target.Engine.PlanReconcileAsync(cancellationToken);
            return await target.FinishAsync(report, parseResult, "reconcile", stdout, stderr, cancellationToken);
        }
        catch (Exception e) when (ServiceErrors.IsServiceFailure(e))
        {
            return ServiceErrors.Report(e, stderr);
        }
    }
}
