namespace SgLambda.Diagnostics.Doctor;

/// <summary>The checks, in the order doctor runs and prints them.</summary>
public static class CheckIds
{
    public const string Tiers = "tiers";
    public const string Policies = "policies";
    public const string HostEndpoints = "host-endpoints";
    public const string TrustSecurityGroup = "trust-sg";
    public const string EnforcedSecurityGroup = "enforced-sg";
    public const string ForeignObjects = "foreign-objects";
    public const string Drift = "drift";
    public const string Companions = "companions";
    public const string PodReach = "pod-reach";
    public const string WebhookConfigured = "webhook-configured";
    public const string WebhookReachable = "webhook-reachable";
    public const string DeadLetterQueue = "dead-letter-queue";
    public const string FunctionErrors = "function-errors";
}
