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
    public const string Duration = "DurationMs";
}
