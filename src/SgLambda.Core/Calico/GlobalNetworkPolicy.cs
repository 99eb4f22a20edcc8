namespace SgLambda.Core.Calico;

/// <summary>A cluster-wide Calico policy in a tier.</summary>
public sealed record GlobalNetworkPolicy : CalicoObject
{
    public override string Kind => "GlobalNetworkPolicy";
    public required PolicySpec Spec { get; init; }
}
