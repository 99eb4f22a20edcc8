namespace SgLambda.Core.Events;

/// <summary>What an event is, for logs and for <c>replay --dry-run</c>: envelope facts and the API call.</summary>
public sealed record EventSummary
{
    public string? Id { get; init; }
    public string? Source { get; init; }
    public string? DetailType { get; init; }
    /// <summary>The CloudTrail API call (e.g. AuthorizeSecurityGroupIngress), or the state for a state-change event.</summary>
    public string? EventName { get; init; }
    public string? Account { get; init; }
    public string? Region { get; init; }
    public DateTimeOffset? Time { get; init; }
    /// <summary>CloudTrail's errorCode when the call failed.</summary>
    public string? ErrorCode { get; init; }
}
