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
    private readonly SyncEngine engine;
    private readonly StructuredLogger logger;
    private readonly TimeProvider time;

    /// <summary>Production: composes the real AWS and Kubernetes clients from the environment at cold start.</summary>
    public Reconciler()
        : this(FunctionComposition.FromEnvironment())
    {
    }

    /// <summary>Tests: the engine and its ports are given.</summary>
    public Reconciler(SyncEngine engine, StructuredLogger logger, TimeProvider time)
    {
        this.engine = engine;
        this.logger = logger;
        this.time = time;
    }

    private Reconciler(FunctionComposition composition)
        : this(composition.Engine, composition.Logger, composition.Time)
    {
    }

    /// <summary>
    /// The managed runtime's entry point (Stream in, Stream out). The only method of this name: the runtime
    /// resolves it with <c>GetMethod(name, DeclaredOnly|...)</c>, which throws on overloads.
    /// </summary>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, LambdaContext.FromEnvironment(time));

    /// <summary>The bootstrap's and the tests' entry point: the invocation's context given.</summary>
    public async Task<Stream> InvokeAsync(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal) { ["function"] = context.FunctionName, ["requestId"] = context.AwsRequestId };
        using var deadline = new CancellationTokenSource(context.RemainingTime > DeadlineMargin ? context.RemainingTime - DeadlineMargin : context.RemainingTime);
        SyncReport report;
        try
        {
            report = await engine.PlanReconcileAsync(deadline.Token);
            await engine.ApplyAsync(report, deadline.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.Error("reconcile failed", new Dictionary<string, object?>(fields) { ["error"] = e.GetType().Name + ": " + e.Message });
            logger.Raw(EmbeddedMetrics.Format(context.FunctionName, new Dictionary<string, double> { [MetricNames.EventsFailed] = 1 }, time.GetUtcNow()));
            throw;
        }

        foreach (var warning in report.Plan.Warnings) logger.Warning(warning, fields);
        logger.Information(report.IsEmpty ? "reconcile found nothing to change" : "reconcile applied", new Dictionary<string, object?>(fields)
        {
            ["applied"] = report.Plan.Apply.Select(o => o.Key.ToString()).ToList(),
            ["deleted"] = report.Plan.Delete.Select(d => d.Key.ToString()).ToList(),
            ["trustAttachments"] = report.TrustAttachments.Select(a => a.Id).ToList(),
        });
        logger.Raw(EmbeddedMetrics.Format(context.FunctionName, new Dictionary<string, double>
        {
            [MetricNames.ObjectsApplied] = report.Plan.Apply.Count,
            [MetricNames.ObjectsDeleted] = report.Plan.Delete.Count,
            [MetricNames.TrustAttachments] = report.TrustAttachments.Count,
            [MetricNames.Duration] = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        }, time.GetUtcNow()));
        var status = report.IsEmpty ? HandlerResponse.UnchangedStatus : HandlerResponse.AppliedStatus;
        return new HandlerResponse(status, null, "Reconcile", report.Plan.Apply.Count, report.Plan.Delete.Count, report.TrustAttachments.Count, null).ToStream();
    }
}
