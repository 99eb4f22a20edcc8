namespace SgLambda.Aws.Logs;

/// <summary>One matching log event.</summary>
public sealed record FilteredLogEvent
{
    public string? LogStreamName { get; init; }
    /// <summary>Milliseconds since the epoch.</summary>
    public long Timestamp { get; init; }
    public string? Message { get; init; }
    public long IngestionTime { get; init; }
    public string? EventId { get; init; }
}
