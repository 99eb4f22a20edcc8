namespace SgLambda.Core.Aws;

/// <summary>A VPC as DescribeVpcs returns it; only its primary CIDR matters (the DNS resolver is its base + 2).</summary>
public sealed record Vpc
{
    public required string VpcId { get; init; }
    public string? CidrBlock { get; init; }
}
