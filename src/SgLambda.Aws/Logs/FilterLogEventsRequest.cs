namespace SgLambda.Aws.Logs;

/// <summary>FilterLogEvents' request (the fields SgLambda sends).</summary>
public sealed record FilterLogEventsRequest
{
    public required string LogGroupName { get; init; }
    /// <summary>Milliseconds since the epoch, inclusive.</summary>
    public long? StartTime { get; init; }
    /// <summary>Milliseconds since the epoch, exclusive.</summary>
    public long? EndTime { get; init; }
    public string? FilterPattern { get; init; }
    /// <summary>At most this many events per page (1 to 10000).</summary>
    public int? Limit { get; init; }
    public string? NextToken { get; init; }
}
