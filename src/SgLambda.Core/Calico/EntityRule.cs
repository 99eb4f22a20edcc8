namespace SgLambda.Core.Calico;

/// <summary>The source or destination match of a rule. Every field present must match.</summary>
public sealed record EntityRule
{
    public IReadOnlyList<string>? Nets { get; init; }
    /// <summary>The peer must be in none of these CIDRs.</summary>
    public IReadOnlyList<string>? NotNets { get; init; }
    public string? Selector { get; init; }
    public string? NotSelector { get; init; }
    /// <summary><c>global()</c> restricts the selectors to HostEndpoints and GlobalNetworkSets.</summary>
    public string? NamespaceSelector { get; init; }
    /// <summary>Ports or <c>"from:to"</c> ranges; null = any port.</summary>
    public IReadOnlyList<IntOrString>? Ports { get; init; }
}
