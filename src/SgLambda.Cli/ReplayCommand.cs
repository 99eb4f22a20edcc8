using System.CommandLine;
using System.Globalization;
using SgLambda.Core.Events;
using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>
/// <c>sglambda replay EVENT.json</c>: an EventBridge event (or CloudTrail records) through the same path as the change handler:
/// classify, re-read what it affects, render, diff, and print or apply the plan. Offline on snapshots.
/// </summary>
internal sealed class ReplayCommand
{
    private readonly Argument<string> _eventFile = new("EVENT.json")
    {
        Description = "An EventBridge event as delivered to the change handler (see infra/events/), a CloudTrail "
            + "record, a trail's log file {\"Records\": [...]} or `aws cloudtrail lookup-events` output (one report per event, in order)",
    };

    private readonly SyncOptions _options = new();

    public ReplayCommand()
    {
        Command = new Command("replay", "Replay an EventBridge event (or CloudTrail records): what it affects and the cluster changes it makes.") { _eventFile };
        _options.AddTo(Command);
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
            eventInput = InputFileReader.Read(parseResult.GetRequiredValue(_eventFile));
            target = _options.Open(parseResult);
        }
        catch (InputException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        // A malformed or irrelevant event is a skipped event, reported like any other (exit 0): the
        // change handler skips it the same way.
        var events = EventDocuments.Split(eventInput.Text);
        var json = string.Equals(parseResult.GetRequiredValue(_options.Output), ReportPrinter.Json, StringComparison.Ordinal);
        // Several events (a trail's log file): one report each, in order; JSON as one array.
        var collect = events.Count > 1 && json;
        using var collector = new StringWriter(CultureInfo.InvariantCulture);
        var output = collect ? collector : stdout;
        var reports = new List<string>();
        try
        {
            foreach (var text in events)
            {
                var classified = EventClassifier.Classify(text, target.Config);
                var report = await target.Engine.PlanEventAsync(classified, cancellationToken);
                var code = await target.FinishAsync(report, parseResult, "replay", output, stderr, cancellationToken);
                if (code != ExitCodes.Success) return code;
                if (collect)
                {
                    reports.Add(collector.ToString().TrimEnd());
                    collector.GetStringBuilder().Clear();
                }
            }
        }
        catch (Exception e) when (ServiceErrors.IsServiceFailure(e))
        {
            return ServiceErrors.Report(e, stderr);
        }
        if (collect) stdout.WriteLine("[" + string.Join("," + Environment.NewLine, reports) + "]");
        return ExitCodes.Success;
    }
}
