using System.Text.Json.Serialization;

namespace SgLambda.Core.Events;

/// <summary>The <c>detail</c> of an "EC2 Instance State-change Notification" event.</summary>
public sealed record InstanceStateChangeDetail
{
    [JsonPropertyName("instance-id")]
    public string? InstanceId { get; init; }

    /// <summary>pending, running, stopping, stopped, shutting-down or terminated.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }
}
