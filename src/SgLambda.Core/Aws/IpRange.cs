namespace SgLambda.Core.Aws;

/// <summary>An IPv4 CIDR peer of a permission.</summary>
public sealed record IpRange
{
    public required string CidrIp { get; init; }
    public string? Description { get; init; }
}
