namespace SgLambda.Core.Aws;

/// <summary>
/// One rule as DescribeSecurityGroupRules returns it: a single peer, with its id (<c>sgr-...</c>).
/// Used to put rule ids on the translated Calico rules.
/// </summary>
public sealed record SecurityGroupRule
{
    public required string SecurityGroupRuleId { get; init; }
    public required string GroupId { get; init; }
    public bool IsEgress { get; init; }
    public required string IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIpv4 { get; init; }
    public string? CidrIpv6 { get; init; }
    public string? PrefixListId { get; init; }
    public ReferencedSecurityGroup? ReferencedGroupInfo { get; init; }
    public string? Description { get; init; }
}
