namespace SgLambda.Core.Aws;

/// <summary>The security group a <see cref="SecurityGroupRule"/> references.</summary>
public sealed record ReferencedSecurityGroup
{
    public string? GroupId { get; init; }
    public string? UserId { get; init; }
    public string? VpcId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? PeeringStatus { get; init; }
}
