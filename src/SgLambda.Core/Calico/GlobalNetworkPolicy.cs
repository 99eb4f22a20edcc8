using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>A cluster-wide Calico policy in a tier.</summary>
public sealed record GlobalNetworkPolicy : CalicoObject
{
    [JsonPropertyOrder(-2)]
    public override string Kind => "GlobalNetworkPolicy";
    public required PolicySpec Spec { get; init; }
}
