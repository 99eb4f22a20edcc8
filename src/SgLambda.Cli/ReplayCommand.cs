using System.CommandLine;
using SgLambda.Core.Events;
using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>
/// <c>sglambda replay EVENT.json</c>: one EventBridge event through the same path as the change handler:
/// classify, re-read what it affects, render, diff, and print or apply the plan. Offline on snapshots.
/// </summary>
internal sealed class ReplayCommand
{
    private readonly Argument<string> eventFile = new("EVENT.json")
    {
        Description = "An EventBridge event as delivered to the change handler (see infra/events/)",
    };

    private readonly SyncOptions options = new();

    public ReplayCommand()
    {
        Command = new Command("replay", "Replay one EventBridge event: what it affects and the cluster changes it makes.") { eventFile };
        options.AddTo(Command);
        Command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        SyncTarget target;
        InputFile eventInput;
        try
        {
            eventInput = InputFileReader.Read(parseResult.GetRequiredValue(eventFile));
            target = options.Open(parseResult);
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        // A malformed or irrelevant event is a skipped event, reported like any other (exit 0): the
        // change handler skips it the same way.
        var classified = EventClassifier.Classify(eventInput.Text, target.Config);
        try
        {
            var report = await target.Engine.PlanEventAsync(classified, cancellationToken);
            return await target.FinishAsync(report, parseResult, "replay", stdout, stderr, cancellationToken);
        }
        catch (Exception e) when (ServiceErrors.IsServiceFailure(e))
        {
            return ServiceErrors.Report(e, stderr);
        }
    }
}
