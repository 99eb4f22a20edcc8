namespace SgLambda.Core.Calico;

/// <summary>The spec shared by GlobalNetworkPolicy and NetworkPolicy.</summary>
public sealed record PolicySpec
{
    public string? Tier { get; init; }
    public double? Order { get; init; }
    public string? Selector { get; init; }
    /// <summary>Always written: crd.projectcalico.org/v1 objects are not defaulted.</summary>
    public IReadOnlyList<string>? Types { get; init; }
    public IReadOnlyList<Rule>? Ingress { get; init; }
    public IReadOnlyList<Rule>? Egress { get; init; }
}
