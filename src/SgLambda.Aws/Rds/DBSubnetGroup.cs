namespace SgLambda.Aws.Rds;

/// <summary>Where a DB instance lives: its subnet group names the VPC.</summary>
public sealed record DBSubnetGroup
{
    public string? DBSubnetGroupName { get; set; }
    public string? VpcId { get; set; }
}
