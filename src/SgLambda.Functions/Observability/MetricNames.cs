namespace SgLambda.Functions.Observability;

/// <summary>The CloudWatch metrics the functions emit (namespace <see cref="Namespace"/>, dimension Function).</summary>
public static class MetricNames
{
    public const string Namespace = "SgLambda";
    public const string EventsHandled = "EventsHandled";
    public const string EventsSkipped = "EventsSkipped";
    public const string EventsFailed = "EventsFailed";
    public const string ObjectsApplied = "ObjectsApplied";
    public const string ObjectsDeleted = "ObjectsDeleted";
    public const string TrustAttachments = "TrustAttachments";
    /// <summary>Reconciler: writes left for the next run because the invocation reached its deadline.</summary>
    public const string WritesNotStarted = "WritesNotStarted";
    public const string Duration = "DurationMs";
    /// <summary>Admission webhook: pods admitted (with or without a patch).</summary>
    public const string PodsAdmitted = "PodsAdmitted";
    /// <summary>Admission webhook: pods rejected (malformed annotation, refused claim, namespace unreadable).</summary>
    public const string PodsRejected = "PodsRejected";
    /// <summary>Admission webhook: HTTP requests refused before any review (bad or missing secret, wrong method, not a v1 review).</summary>
    public const string RequestsRefused = "RequestsRefused";
}
