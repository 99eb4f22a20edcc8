using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Aws;

/// <summary>
/// One event as EventBridge would deliver it to a rule's target: <see cref="Json"/> is the whole event
/// (envelope and detail). <see cref="EventName"/> is the API call for "AWS API Call via CloudTrail" and
/// the new state for "EC2 Instance State-change Notification"; <see cref="ErrorCode"/> is set for a
/// failed call (whose record has no responseElements).
/// </summary>
public sealed record EmittedEvent(string Id, string Source, string DetailType, string EventName, string? ErrorCode, DateTimeOffset Time, string Json)
{
    public const string ApiCallDetailType = "AWS API Call via CloudTrail";
    public const string InstanceStateChangeDetailType = "EC2 Instance State-change Notification";

    public JsonNode Parse() => JsonNode.Parse(Json)!;
}
