namespace SgLambda.Aws.Rds;

/// <summary>The parts of RDS's DBCluster shape that SgLambda reads.</summary>
public sealed record DBCluster
{
    public string? DBClusterIdentifier { get; set; }
    public string? Status { get; set; }
    public List<VpcSecurityGroupMembership>? VpcSecurityGroups { get; set; }
}
