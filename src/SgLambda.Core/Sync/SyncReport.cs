using SgLambda.Core.Events;
using SgLambda.Core.Planning;

namespace SgLambda.Core.Sync;

/// <summary>
/// What one event or reconcile did or would do: the event (null for reconcile), what it affects, the plan
/// and why it was skipped, if it was.
/// </summary>
public sealed record SyncReport(ClassifiedEvent? Event, AffectedResources Affected, Plan Plan, string? Skipped)
{
    /// <summary>VPC members to give the trust SG (only when <c>attachTrustSecurityGroup</c> is on).</summary>
    public IReadOnlyList<TrustAttachment> TrustAttachments { get; init; } = [];

    public bool IsEmpty => Plan.IsEmpty && TrustAttachments.Count == 0;

    public static SyncReport SkippedEvent(ClassifiedEvent classified)
    {
        ArgumentNullException.ThrowIfNull(classified);
        return new SyncReport(classified, classified.Affected, Plan.Empty, classified.SkipReason);
    }
}
