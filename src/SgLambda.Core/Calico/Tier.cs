using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>A policy tier.</summary>
public sealed record Tier : CalicoObject
{
    [JsonPropertyOrder(-2)]
    public override string Kind => "Tier";
    public required TierSpec Spec { get; init; }
}
