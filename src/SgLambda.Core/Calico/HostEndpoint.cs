using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>A host endpoint: a VPC-member ENI (never enforced) or a cluster node.</summary>
public sealed record HostEndpoint : CalicoObject
{
    [JsonPropertyOrder(-2)]
    public override string Kind => "HostEndpoint";
    public required HostEndpointSpec Spec { get; init; }
}
