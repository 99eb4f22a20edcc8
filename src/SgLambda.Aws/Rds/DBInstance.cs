namespace SgLambda.Aws.Rds;

/// <summary>The parts of RDS's DBInstance shape that SgLambda reads.</summary>
public sealed record DBInstance
{
    public string? DBInstanceIdentifier { get; set; }
    /// <summary>Set for Aurora instances, whose security groups belong to the cluster.</summary>
    public string? DBClusterIdentifier { get; set; }
    public string? DBInstanceStatus { get; set; }
    public string? Engine { get; set; }
    public DBSubnetGroup? DBSubnetGroup { get; set; }
    public List<VpcSecurityGroupMembership>? VpcSecurityGroups { get; set; }
    public List<SgLambda.Core.Aws.Tag>? TagList { get; set; }
}
