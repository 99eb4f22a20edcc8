namespace SgLambda.Core.NetworkPolicies;

/// <summary>A rule peer as Calico writes it: a selector with its namespaceSelector, or nets and notNets. All null = anything.</summary>
internal sealed record CalicoPeer(string? Selector, string? NamespaceSelector, IReadOnlyList<string>? Nets, IReadOnlyList<string>? NotNets)
{
    public static CalicoPeer Anything { get; } = new(null, null, null, null);
}
