using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>A named set of CIDRs; SgLambda writes one per referenced managed prefix list.</summary>
public sealed record GlobalNetworkSet : CalicoObject
{
    [JsonPropertyOrder(-2)]
    public override string Kind => "GlobalNetworkSet";
    public required GlobalNetworkSetSpec Spec { get; init; }
}
