namespace SgLambda.Core.Calico;

/// <summary>A named set of CIDRs; SgLambda writes one per referenced managed prefix list.</summary>
public sealed record GlobalNetworkSet : CalicoObject
{
    public override string Kind => "GlobalNetworkSet";
    public required GlobalNetworkSetSpec Spec { get; init; }
}
