namespace SgLambda.Aws.Rds;

public sealed record ModifyDBInstanceRequest
{
    public string? DBInstanceIdentifier { get; set; }
    /// <summary>The complete new list: RDS replaces the instance's VPC security groups with it.</summary>
    public List<string>? VpcSecurityGroupIds { get; set; }
    public bool? ApplyImmediately { get; set; }
}
