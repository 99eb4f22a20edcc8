namespace SgLambda.Aws.Rds;

/// <summary>A VPC security group of a DB instance or cluster, with its status (active, adding, removing).</summary>
public sealed record VpcSecurityGroupMembership
{
    public string? VpcSecurityGroupId { get; set; }
    public string? Status { get; set; }
}
