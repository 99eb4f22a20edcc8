namespace SgLambda.Aws.Logs;

/// <summary>One page of FilterLogEvents; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record FilterLogEventsResponse
{
    public IReadOnlyList<FilteredLogEvent> Events { get; init; } = [];
    public string? NextToken { get; init; }
}
