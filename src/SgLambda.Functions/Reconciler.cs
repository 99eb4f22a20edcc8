using System.Diagnostics;
using SgLambda.Core.Sync;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions;

/// <summary>
/// The full reconcile, on a schedule and on demand: the whole VPC against everything SgLambda owns, healing
/// whatever an event missed and deleting orphans. Any input is accepted (the schedule's event is ignored).
/// Handler string: <c>SgLambda.Functions::SgLambda.Functions.Reconciler::HandleAsync</c>.
/// </summary>
public sealed class Reconciler
{
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(5);
    // Time left for the writes in flight when no more begin (a 429's Retry-After is usually 1 s).
    private static readonly TimeSpan StopStartingMargin = TimeSpan.FromSeconds(20);
    private readonly SyncEngine _engine;
    private readonly StructuredLogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Production: composes the real AWS and Kubernetes clients from the environment at cold start.</summary>
    public Reconciler()
        : this(FunctionComposition.FromEnvironment())
    {
    }

    /// <summary>Tests: the engine and its ports are given.</summary>
    public Reconciler(SyncEngine engine, StructuredLogger logger, TimeProvider time)
    {
        _engine = engine;
        _logger = logger;
        _time = time;
    }

    private Reconciler(FunctionComposition composition)
        : this(composition.Engine, composition.Logger, composition.Time)
    {
        Relabeler = composition.Pods is { } pods ? new PodRelabeler(pods, composition.Settings.Config) : null;
    }

    /// <summary>
    /// Relabels the pods that lack their SG labels (admitted while the webhook failed open, or started before
    /// SgLambda), after each reconcile; null: none (offline, or tests of the reconcile alone).
    /// </summary>
    public PodRelabeler? Relabeler { get; init; }

    /// <summary>
    /// The managed runtime's entry point (Stream in, Stream out). The only method of this name: the runtime
    /// resolves it with <c>GetMethod(name, DeclaredOnly|...)</c>, which throws on overloads.
    /// </summary>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, LambdaContext.FromEnvironment(_time));

    /// <summary>The bootstrap's and the tests' entry point: the invocation's context given.</summary>
    public async Task<Stream> InvokeAsync(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal) { ["function"] = context.FunctionName, ["requestId"] = context.AwsRequestId };
        using var deadline = new CancellationTokenSource(context.RemainingTime > DeadlineMargin ? context.RemainingTime - DeadlineMargin : context.RemainingTime);
        // A large first sync may not fit in one invocation: stop starting writes before the deadline, so the run ends
        // cleanly with every object either as it was or as planned, and the next run (which plans again) continues.
        using var stopStarting = new CancellationTokenSource(context.RemainingTime > StopStartingMargin ? context.RemainingTime - StopStartingMargin : TimeSpan.Zero);
        // First the pods that lack their SG labels (started before SgLambda, or admitted while the webhook failed
        // open), so that policies written next find them labelled. A failure here never fails the reconcile.
        IReadOnlyList<string> relabelled = [];
        if (Relabeler is not null)
        {
            var (pods, warnings) = await Relabeler.RelabelAsync(deadline.Token);
            relabelled = pods;
            foreach (var warning in warnings) _logger.Warning(warning, fields);
        }

        SyncReport report;
        ApplyOutcome outcome;
        try
        {
            report = await _engine.PlanReconcileAsync(deadline.Token);
            outcome = await _engine.ApplyAsync(report, deadline.Token, stopStarting.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.Error("reconcile failed", new Dictionary<string, object?>(fields) { ["error"] = e.GetType().Name + ": " + e.Message });
            _logger.Raw(EmbeddedMetrics.Format(context.FunctionName, new Dictionary<string, double> { [MetricNames.EventsFailed] = 1 }, _time.GetUtcNow()));
            throw;
        }

        foreach (var warning in report.Plan.Warnings) _logger.Warning(warning, fields);
        var message = report.IsEmpty ? "reconcile found nothing to change"
            : outcome.Complete ? "reconcile applied" : "reconcile stopped at its deadline; the next run continues";
        _logger.Information(message, new Dictionary<string, object?>(fields)
        {
            ["writesSkipped"] = outcome.Skipped,
            ["writesNotStarted"] = outcome.NotStarted,
            ["applied"] = report.Plan.Apply.Select(o => o.Key.ToString()).ToList(),
            ["deleted"] = report.Plan.Delete.Select(d => d.Key.ToString()).ToList(),
            ["trustAttachments"] = report.TrustAttachments.Select(a => a.Id).ToList(),
            ["podsRelabelled"] = relabelled,
        });
        _logger.Raw(EmbeddedMetrics.Format(context.FunctionName, new Dictionary<string, double>
        {
            [MetricNames.ObjectsApplied] = outcome.Applied,
            [MetricNames.ObjectsDeleted] = outcome.Deleted,
            [MetricNames.WritesNotStarted] = outcome.NotStarted,
            [MetricNames.TrustAttachments] = report.TrustAttachments.Count,
            [MetricNames.Duration] = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        }, _time.GetUtcNow()));
        var status = report.IsEmpty ? HandlerResponse.UnchangedStatus : outcome.Complete ? HandlerResponse.AppliedStatus : HandlerResponse.PartialStatus;
        return new HandlerResponse(status, null, "Reconcile", outcome.Applied, outcome.Deleted, outcome.Complete ? report.TrustAttachments.Count : 0,
            outcome.Complete ? null : $"{outcome.NotStarted} writes left for the next run").ToStream();
    }
}
