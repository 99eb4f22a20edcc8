namespace SgLambda.Core.Aws;

/// <summary>An EC2 security group, shaped as DescribeSecurityGroups returns it.</summary>
public sealed record SecurityGroup
{
    public required string GroupId { get; init; }
    public string? GroupName { get; init; }
    public string? Description { get; init; }
    public string? VpcId { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Ingress rules.</summary>
    public IReadOnlyList<IpPermission> IpPermissions { get; init; } = [];
    /// <summary>Egress rules.</summary>
    public IReadOnlyList<IpPermission> IpPermissionsEgress { get; init; } = [];
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
