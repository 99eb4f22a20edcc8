namespace SgLambda.Aws.Rds;

public sealed record ModifyDBClusterRequest
{
    public string? DBClusterIdentifier { get; set; }
    /// <summary>The complete new list: RDS replaces the cluster's VPC security groups with it.</summary>
    public List<string>? VpcSecurityGroupIds { get; set; }
    public bool? ApplyImmediately { get; set; }
}
