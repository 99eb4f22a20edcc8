namespace SgLambda.Core.Events;

/// <summary>
/// A burst of events as one: the union of what they affect, so a batch costs one read and one diff. Sound
/// because events are triggers, not the truth: the read happens after every event of the batch was
/// recorded, and every resource any of them names is re-read and re-rendered.
/// </summary>
public static class EventBatch
{
    public static ClassifiedEvent Coalesce(IReadOnlyList<ClassifiedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var handled = events.Where(e => !e.IsSkipped).ToList();
        var summary = new EventSummary
        {
            Id = handled.Count == 1 ? handled[0].Event.Id : null,
            EventName = handled.Count == 1 ? handled[0].Event.EventName : $"{handled.Count} events",
            DetailType = handled.Count == 1 ? handled[0].Event.DetailType : "batch",
        };
        if (handled.Count == 0) return new ClassifiedEvent(summary, AffectedResources.None, $"all {events.Count} events of the batch are skipped");
        var affected = handled.Aggregate(AffectedResources.None, (union, e) => union.Union(e.Affected));
        var reason = handled.Count == 1 ? handled[0].Reason : $"{handled.Count} events, re-read together: " + string.Join("; ", handled.Select(e => e.Reason).Distinct(StringComparer.Ordinal).Take(5))
            + (handled.Count > 5 ? "; ..." : "");
        return new ClassifiedEvent(summary, affected, null, reason);
    }
}
