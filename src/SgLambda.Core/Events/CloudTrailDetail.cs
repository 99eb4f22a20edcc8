using System.Text.Json;
using System.Text.Json.Serialization;

namespace SgLambda.Core.Events;

/// <summary>
/// The <c>detail</c> of an "AWS API Call via CloudTrail" event: the CloudTrail record of the call, with
/// CloudTrail's field names. Request parameters and response elements stay JSON: their shapes vary by call
/// and are irregular (<c>{"items":[...]}</c> lists, <c>{}</c> for empty lists, PascalCase wrappers), so
/// <see cref="EventClassifier"/> reads them leniently.
/// </summary>
public sealed record CloudTrailDetail
{
    [JsonPropertyName("eventVersion")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventVersion { get; init; }

    /// <summary>The service endpoint, e.g. <c>ec2.amazonaws.com</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    /// <summary>The API call, e.g. <c>AuthorizeSecurityGroupIngress</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    [JsonPropertyName("eventType")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventType { get; init; }

    /// <summary>Kept as text: only logged, and not every producer writes ISO 8601 here.</summary>
    [JsonPropertyName("eventTime")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventTime { get; init; }

    [JsonPropertyName("eventID")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EventId { get; init; }

    [JsonPropertyName("requestID")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? RequestId { get; init; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    [JsonPropertyName("recipientAccountId")]
    public string? RecipientAccountId { get; init; }

    /// <summary>Set when the call failed (then <see cref="ResponseElements"/> is null and nothing changed).</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("errorMessage")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ErrorMessage { get; init; }

    /// <summary>True for calls that change nothing (Describe, List, Get); kept as JSON, read leniently.</summary>
    [JsonPropertyName("readOnly")]
    public JsonElement? ReadOnly { get; init; }

    [JsonPropertyName("requestParameters")]
    public JsonElement? RequestParameters { get; init; }

    [JsonPropertyName("responseElements")]
    public JsonElement? ResponseElements { get; init; }
}
