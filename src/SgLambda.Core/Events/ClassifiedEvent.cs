namespace SgLambda.Core.Events;

/// <summary>
/// An event after classification: what it is, which resources it affects and why, or why it is skipped
/// (failed call, unknown event, other account/region/VPC, malformed). A skipped event affects nothing.
/// </summary>
public sealed record ClassifiedEvent(EventSummary Event, AffectedResources Affected, string? SkipReason, string? Reason = null)
{
    public bool IsSkipped => SkipReason is not null;
}
