using System.Text.Json.Serialization;

namespace SgLambda.Core.Input;

/// <summary>A Node's spec: <c>providerID</c> is <c>aws:///&lt;az&gt;/&lt;instance-id&gt;</c> on EC2.</summary>
internal sealed record KubectlNodeSpec
{
    [JsonPropertyName("providerID")]
    public string? ProviderId { get; init; }
}
