namespace SgLambda.Core.Aws;

/// <summary>A security group peer of a permission (possibly in a peered VPC or another account).</summary>
public sealed record UserIdGroupPair
{
    public required string GroupId { get; init; }
    public string? GroupName { get; init; }
    public string? UserId { get; init; }
    public string? VpcId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? PeeringStatus { get; init; }
    public string? Description { get; init; }
}
