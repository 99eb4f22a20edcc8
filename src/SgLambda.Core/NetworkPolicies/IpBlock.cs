namespace SgLambda.Core.NetworkPolicies;

/// <summary>A CIDR peer, minus the <see cref="Except"/> CIDRs.</summary>
public sealed record IpBlock
{
    public required string Cidr { get; init; }
    public IReadOnlyList<string>? Except { get; init; }
}
