namespace SgLambda.Core.Events;

/// <summary>
/// The JSON form of a <see cref="ClassifiedEvent"/> (<c>sglambda replay --dry-run -o json</c>):
/// <c>{"event": {...}, "affected": {...}, "reason": "...", "skipped": "reason or null"}</c>.
/// </summary>
public sealed record ClassifiedEventDocument(EventSummary Event, AffectedResources Affected, string? Reason, string? Skipped)
{
    public static ClassifiedEventDocument From(ClassifiedEvent classified)
    {
        ArgumentNullException.ThrowIfNull(classified);
        return new ClassifiedEventDocument(classified.Event, classified.Affected, classified.Reason, classified.SkipReason);
    }
}
