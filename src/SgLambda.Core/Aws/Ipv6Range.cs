namespace SgLambda.Core.Aws;

/// <summary>An IPv6 CIDR peer of a permission.</summary>
public sealed record Ipv6Range
{
    public required string CidrIpv6 { get; init; }
    public string? Description { get; init; }
}
