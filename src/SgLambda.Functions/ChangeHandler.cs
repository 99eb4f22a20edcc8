using System.Diagnostics;
using System.Text.Json;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Sqs;

namespace SgLambda.Functions;

/// <summary>
/// The change handler: one EventBridge event (a CloudTrail API call or an EC2 state change) to the minimal
/// cluster patch. Thin: classify, plan and apply through the core, log and count. Skipped events
/// (malformed, failed calls, other accounts/VPCs) are logged and acknowledged; failures to reach AWS or
/// the cluster are rethrown so Lambda retries the event and finally sends it to the dead-letter queue.
/// With a change queue (<c>SGLAMBDA_CHANGE_QUEUE_URL</c>) an EventBridge event is only parked there, and
/// the SQS batches it arrives in are coalesced (<see cref="EventBatch"/>): one read and one diff per batch,
/// failed messages reported for retry (<c>ReportBatchItemFailures</c>).
/// Handler string: <c>SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync</c>.
/// </summary>
public sealed class ChangeHandler
{
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(2);
    private readonly SgLambdaConfig _config;
    private readonly SyncEngine _engine;
    private readonly StructuredLogger _logger;
    private readonly TimeProvider _time;
    private readonly IEventQueue? _queue;

    /// <summary>Production: composes the real AWS and Kubernetes clients from the environment at cold start.</summary>
    public ChangeHandler()
        : this(FunctionComposition.FromEnvironment())
    {
    }

    /// <summary>Tests: the engine and its ports are given.</summary>
    public ChangeHandler(SgLambdaConfig config, SyncEngine engine, StructuredLogger logger, TimeProvider time)
        : this(config, engine, logger, time, null)
    {
    }

    /// <summary>Tests and the bootstrap: with <paramref name="queue"/>, EventBridge events are parked there for batching.</summary>
    public ChangeHandler(SgLambdaConfig config, SyncEngine engine, StructuredLogger logger, TimeProvider time, IEventQueue? queue)
    {
        _config = config;
        _engine = engine;
        _logger = logger;
        _time = time;
        _queue = queue;
    }

    private ChangeHandler(FunctionComposition composition)
        : this(composition.Settings.Config, composition.Engine, composition.Logger, composition.Time, composition.EventQueue)
    {
    }

    /// <summary>
    /// The managed runtime's entry point (Stream in, Stream out: no Lambda package needed). The only method of
    /// this name: the runtime resolves it with <c>GetMethod(name, DeclaredOnly|...)</c>, which throws on overloads.
    /// </summary>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, LambdaContext.FromEnvironment(_time));

    /// <summary>The bootstrap's and the tests' entry point: the invocation's context given.</summary>
    public async Task<Stream> InvokeAsync(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(input);
        var text = await reader.ReadToEndAsync();
        if (SqsBatchOf(text) is { } batch) return await HandleBatchAsync(batch, context, started);
        if (_queue is not null)
        {
            // Parked for the next batch; a queue that cannot be reached fails the invocation, so Lambda retries it.
            await _queue.SendAsync(text, CancellationToken.None);
            return new HandlerResponse(HandlerResponse.QueuedStatus, null, null, 0, 0, 0, "queued for the next batch").ToStream();
        }
        var classified = EventClassifier.Classify(text, _config);
        var fields = Fields(context, classified);

        if (classified.IsSkipped)
        {
            _logger.Information("event skipped", With(fields, ("skipped", classified.SkipReason)));
            Emit(context, new() { [MetricNames.EventsSkipped] = 1, [MetricNames.Duration] = Elapsed(started) });
            return new HandlerResponse(HandlerResponse.SkippedStatus, classified.Event.Id, classified.Event.EventName, 0, 0, 0, classified.SkipReason).ToStream();
        }

        using var deadline = new CancellationTokenSource(context.RemainingTime > DeadlineMargin ? context.RemainingTime - DeadlineMargin : context.RemainingTime);
        SyncReport report;
        try
        {
            report = await _engine.PlanEventAsync(classified, deadline.Token);
            await _engine.ApplyAsync(report, deadline.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.Error("event failed; Lambda retries it, then sends it to the dead-letter queue", With(fields, ("error", e.GetType().Name + ": " + e.Message)));
            Emit(context, new() { [MetricNames.EventsFailed] = 1, [MetricNames.Duration] = Elapsed(started) });
            throw;
        }

        foreach (var warning in report.Plan.Warnings) _logger.Warning(warning, fields);
        var applied = report.Plan.Apply.Count;
        var deleted = report.Plan.Delete.Count;
        _logger.Information(report.IsEmpty ? "event changed nothing" : "event applied", With(fields,
            ("applied", report.Plan.Apply.Select(o => o.Key.ToString()).ToList()),
            ("deleted", report.Plan.Delete.Select(d => d.Key.ToString()).ToList()),
            ("trustAttachments", report.TrustAttachments.Select(a => a.Id).ToList())));
        Emit(context, new()
        {
            [MetricNames.EventsHandled] = 1,
            [MetricNames.ObjectsApplied] = applied,
            [MetricNames.ObjectsDeleted] = deleted,
            [MetricNames.TrustAttachments] = report.TrustAttachments.Count,
            [MetricNames.Duration] = Elapsed(started),
        });
        var status = report.IsEmpty ? HandlerResponse.UnchangedStatus : HandlerResponse.AppliedStatus;
        return new HandlerResponse(status, classified.Event.Id, classified.Event.EventName, applied, deleted, report.TrustAttachments.Count, classified.Reason).ToStream();
    }

    /// <summary>
    /// An SQS batch: every message's event classified, skipped ones logged and acknowledged, the rest coalesced
    /// into one plan. When reading or writing fails, every handled message is reported for retry (its receive
    /// count grows; the queue's redrive policy moves it to the dead-letter queue in the end).
    /// </summary>
    private async Task<Stream> HandleBatchAsync(SQSEvent batch, ILambdaContext context, long started)
    {
        var messages = (batch.Records ?? []).Where(m => m.MessageId is not null).ToList();
        var classified = messages.Select(m => (m.MessageId!, Event: EventClassifier.Classify(m.Body ?? "", _config))).ToList();
        foreach (var (id, skipped) in classified.Where(c => c.Event.IsSkipped))
            _logger.Information("event skipped", With(Fields(context, skipped), ("messageId", id), ("skipped", skipped.SkipReason)));
        var merged = EventBatch.Coalesce([.. classified.Select(c => c.Event)]);
        var fields = With(Fields(context, merged), ("messages", messages.Count));
        var skippedCount = classified.Count(c => c.Event.IsSkipped);
        if (merged.IsSkipped)
        {
            Emit(context, new() { [MetricNames.EventsSkipped] = skippedCount, [MetricNames.Duration] = Elapsed(started) });
            return BatchResponse([]);
        }

        using var deadline = new CancellationTokenSource(context.RemainingTime > DeadlineMargin ? context.RemainingTime - DeadlineMargin : context.RemainingTime);
        SyncReport report;
        try
        {
            report = await _engine.PlanEventAsync(merged, deadline.Token);
            await _engine.ApplyAsync(report, deadline.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var retried = classified.Where(c => !c.Event.IsSkipped).Select(c => c.Item1).ToList();
            _logger.Error("batch failed; its events are retried, then sent to the dead-letter queue", With(fields, ("error", e.GetType().Name + ": " + e.Message), ("retried", retried)));
            Emit(context, new() { [MetricNames.EventsFailed] = retried.Count, [MetricNames.EventsSkipped] = skippedCount, [MetricNames.Duration] = Elapsed(started) });
            return BatchResponse(retried);
        }

        foreach (var warning in report.Plan.Warnings) _logger.Warning(warning, fields);
        _logger.Information(report.IsEmpty ? "batch changed nothing" : "batch applied", With(fields,
            ("applied", report.Plan.Apply.Select(o => o.Key.ToString()).ToList()),
            ("deleted", report.Plan.Delete.Select(d => d.Key.ToString()).ToList()),
            ("trustAttachments", report.TrustAttachments.Select(a => a.Id).ToList())));
        Emit(context, new()
        {
            [MetricNames.EventsHandled] = classified.Count - skippedCount,
            [MetricNames.EventsSkipped] = skippedCount,
            [MetricNames.ObjectsApplied] = report.Plan.Apply.Count,
            [MetricNames.ObjectsDeleted] = report.Plan.Delete.Count,
            [MetricNames.TrustAttachments] = report.TrustAttachments.Count,
            [MetricNames.Duration] = Elapsed(started),
        });
        return BatchResponse([]);
    }

    /// <summary>The input as an SQS batch, or null when it is anything else (an EventBridge event).</summary>
    private static SQSEvent? SqsBatchOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
                return null;
            return document.RootElement.Deserialize(SqsJsonContext.Default.SQSEvent);
        }
        catch (JsonException)
        {
            // Not JSON, or not a batch: the classifier says what is wrong with it.
            return null;
        }
    }

    private static MemoryStream BatchResponse(IEnumerable<string> retried)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, new SQSBatchResponse([.. retried.Select(id => new SQSBatchItemFailure(id))]), SqsJsonContext.Default.SQSBatchResponse);
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, object?> Fields(ILambdaContext context, ClassifiedEvent classified) => new(StringComparer.Ordinal)
    {
        ["function"] = context.FunctionName,
        ["requestId"] = context.AwsRequestId,
        ["eventId"] = classified.Event.Id,
        ["eventName"] = classified.Event.EventName ?? classified.Event.DetailType,
        ["affected"] = AffectedFields(classified.Affected),
    };

    private static Dictionary<string, object?> AffectedFields(AffectedResources affected) => new(StringComparer.Ordinal)
    {
        ["securityGroups"] = affected.SecurityGroups,
        ["networkInterfaces"] = affected.NetworkInterfaces,
        ["networkInterfaceAttachments"] = affected.NetworkInterfaceAttachments,
        ["instances"] = affected.Instances,
        ["dbInstances"] = affected.DbInstances,
        ["dbClusters"] = affected.DbClusters,
        ["prefixLists"] = affected.PrefixLists,
        ["networkInterfaceDescriptions"] = affected.NetworkInterfaceDescriptions,
        ["securityGroupMembers"] = affected.SecurityGroupMembers,
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> fields, params (string Key, object? Value)[] extra)
    {
        var all = new Dictionary<string, object?>(fields, StringComparer.Ordinal);
        foreach (var (key, value) in extra) all[key] = value;
        return all;
    }

    private void Emit(ILambdaContext context, Dictionary<string, double> values) =>
        _logger.Raw(EmbeddedMetrics.Format(context.FunctionName, values, _time.GetUtcNow()));

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
