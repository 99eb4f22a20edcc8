namespace SgLambda.Core.Calico;

/// <summary>The CIDRs of a GlobalNetworkSet.</summary>
public sealed record GlobalNetworkSetSpec
{
    public IReadOnlyList<string>? Nets { get; init; }
}
