namespace SgLambda.Diagnostics.Doctor;

/// <summary>What kind of problem a finding is; stable names for <c>-o json</c> consumers.</summary>
public static class FindingIds
{
    public const string TierMissing = "tier-missing";
    public const string TierOrder = "tier-order";
    public const string TierDefaultAction = "tier-default-action";
    public const string TierInterleaved = "tier-interleaved";
    public const string PolicyMissing = "policy-missing";
    public const string PolicyStale = "policy-stale";
    public const string HostEndpointMissing = "host-endpoint-missing";
    public const string HostEndpointIps = "host-endpoint-ips";
    public const string HostEndpointLabels = "host-endpoint-labels";
    public const string HostEndpointStale = "host-endpoint-stale";
    public const string TrustSecurityGroupMissing = "trust-sg-missing";
    public const string EnforcedSecurityGroupMissing = "enforced-sg-missing";
    public const string ForeignObject = "foreign-object";
    public const string DriftApply = "drift-apply";
    public const string DriftDelete = "drift-delete";
    public const string CompanionMissing = "companion-missing";
    public const string CompanionStale = "companion-stale";
    public const string CompanionNameTaken = "companion-name-taken";
    public const string PodApiUnreachable = "pod-api-unreachable";
    public const string PodDnsUnreachable = "pod-dns-unreachable";
    public const string WebhookMissing = "webhook-missing";
    public const string WebhookRules = "webhook-rules";
    public const string WebhookUrl = "webhook-url";
    public const string WebhookUnreachable = "webhook-unreachable";
    public const string WebhookOpen = "webhook-open";
    public const string WebhookFailing = "webhook-failing";
    public const string DeadLetters = "dead-letters";
    public const string FunctionErrors = "function-errors";
    public const string LogGroupMissing = "log-group-missing";
}
