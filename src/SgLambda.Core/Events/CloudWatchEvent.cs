using System.Text.Json.Serialization;

namespace SgLambda.Core.Events;

/// <summary>
/// An EventBridge event as EventBridge delivers it to a Lambda function, with AWS's field names (the
/// small equivalent of Amazon.Lambda.CloudWatchEvents' <c>CloudWatchEvent&lt;T&gt;</c>, which is not
/// available here). <typeparamref name="TDetail"/> is the detail-type's payload.
/// </summary>
public sealed record CloudWatchEvent<TDetail>
{
    [JsonPropertyName("version")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Version { get; init; }

    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("account")]
    public string? Account { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>ARNs of the resources the event is about (the instance of a state-change notification).</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string>? Resources { get; init; }

    [JsonPropertyName("detail")]
    public TDetail? Detail { get; init; }
}
