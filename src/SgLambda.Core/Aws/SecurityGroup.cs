namespace SgLambda.Core.Aws;

/// <summary>An EC2 security group, shaped as DescribeSecurityGroups returns it.</summary>
public sealed record SecurityGroup
{
    public required string GroupId { get; init; }
    public string? GroupName { get; init; }
    public string? Description { get; init; }
    public string? VpcId { get; init; }
    public string? OwnerId { get; init; }
    // A list is never null: source-generated JSON sets one the document leaves out to null (dotnet/runtime#84484).
    /// <summary>Ingress rules.</summary>
    public IReadOnlyList<IpPermission> IpPermissions { get; init => field = value ?? []; } = [];
    /// <summary>Egress rules.</summary>
    public IReadOnlyList<IpPermission> IpPermissionsEgress { get; init => field = value ?? []; } = [];
    public IReadOnlyList<Tag> Tags { get; init => field = value ?? []; } = [];
}
