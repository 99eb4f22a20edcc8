using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>A namespaced Calico policy (the companion of an SG-aware Kubernetes NetworkPolicy).</summary>
public sealed record NetworkPolicy : CalicoObject
{
    [JsonPropertyOrder(-2)]
    public override string Kind => "NetworkPolicy";
    public required PolicySpec Spec { get; init; }
}
