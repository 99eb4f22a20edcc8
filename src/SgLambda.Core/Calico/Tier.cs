namespace SgLambda.Core.Calico;

/// <summary>A policy tier.</summary>
public sealed record Tier : CalicoObject
{
    public override string Kind => "Tier";
    public required TierSpec Spec { get; init; }
}
