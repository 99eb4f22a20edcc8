namespace SgLambda.Core.Aws;

/// <summary>An RDS DB instance, shaped as DescribeDBInstances returns it (the parts SgLambda reads).</summary>
public sealed record DbInstance
{
    public required string DBInstanceIdentifier { get; init; }
    /// <summary>Set for Aurora instances, whose security groups belong to the cluster.</summary>
    public string? DBClusterIdentifier { get; init; }
    public string? DBInstanceStatus { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<string> VpcSecurityGroupIds { get; init; } = [];
    /// <summary>The instance's tags (DescribeDBInstances' TagList).</summary>
    public IReadOnlyList<Tag> TagList { get; init; } = [];
}
