using SgLambda.Core.Aws;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// Turns per-peer synthetic rules into what AWS returns: a <see cref="SecurityGroup"/> whose permissions
/// group peers by protocol and ports (DescribeSecurityGroups), and one <see cref="SecurityGroupRule"/> with
/// an id per peer (DescribeSecurityGroupRules).
/// </summary>
internal static class SyntheticSecurityGroupAssembler
{
    public static SecurityGroup Assemble(
        SecurityGroup group, IReadOnlyList<SyntheticRule> rules, SyntheticIds ids, ICollection<SecurityGroupRule> ruleIds)
    {
        foreach (var rule in rules) ruleIds.Add(RuleWithId(group, rule, ids));
        return group with
        {
            IpPermissions = Permissions(rules.Where(r => !r.IsEgress)),
            IpPermissionsEgress = Permissions(rules.Where(r => r.IsEgress)),
        };
    }

    private static List<IpPermission> Permissions(IEnumerable<SyntheticRule> rules)
    {
        // GroupBy keeps the order in which each protocol and port range first appears.
        return [.. rules
            .GroupBy(r => (r.Protocol, r.FromPort, r.ToPort))
            .Select(g => new IpPermission
            {
                IpProtocol = g.Key.Protocol,
                FromPort = g.Key.FromPort,
                ToPort = g.Key.ToPort,
                IpRanges = [.. g.Where(r => r.Peer.Kind == SyntheticPeerKind.Ipv4Cidr)
                    .Select(r => new IpRange { CidrIp = r.Peer.Value, Description = r.Description })],
                Ipv6Ranges = [.. g.Where(r => r.Peer.Kind == SyntheticPeerKind.Ipv6Cidr)
                    .Select(r => new Ipv6Range { CidrIpv6 = r.Peer.Value, Description = r.Description })],
                PrefixListIds = [.. g.Where(r => r.Peer.Kind == SyntheticPeerKind.PrefixList)
                    .Select(r => new PrefixListId { Id = r.Peer.Value, Description = r.Description })],
                UserIdGroupPairs = [.. g.Where(r => r.Peer.Kind == SyntheticPeerKind.SecurityGroup)
                    .Select(r => new UserIdGroupPair
                    {
                        GroupId = r.Peer.Value,
                        UserId = r.Peer.OwnerId,
                        VpcId = r.Peer.PeerVpcId,
                        VpcPeeringConnectionId = r.Peer.PeeringConnectionId,
                        PeeringStatus = r.Peer.PeeringConnectionId is null ? null : "active",
                        Description = r.Description,
                    })],
            })];
    }

    private static SecurityGroupRule RuleWithId(SecurityGroup group, SyntheticRule rule, SyntheticIds ids) => new()
    {
        SecurityGroupRuleId = ids.Next("sgr"),
        GroupId = group.GroupId,
        IsEgress = rule.IsEgress,
        IpProtocol = rule.Protocol,
        // DescribeSecurityGroupRules says -1 where DescribeSecurityGroups omits the ports.
        FromPort = rule.FromPort ?? -1,
        ToPort = rule.ToPort ?? -1,
        CidrIpv4 = rule.Peer.Kind == SyntheticPeerKind.Ipv4Cidr ? rule.Peer.Value : null,
        CidrIpv6 = rule.Peer.Kind == SyntheticPeerKind.Ipv6Cidr ? rule.Peer.Value : null,
        PrefixListId = rule.Peer.Kind == SyntheticPeerKind.PrefixList ? rule.Peer.Value : null,
        ReferencedGroupInfo = rule.Peer.Kind == SyntheticPeerKind.SecurityGroup
            ? new ReferencedSecurityGroup
            {
                GroupId = rule.Peer.Value,
                UserId = rule.Peer.OwnerId,
                VpcId = rule.Peer.PeerVpcId,
                VpcPeeringConnectionId = rule.Peer.PeeringConnectionId,
                PeeringStatus = rule.Peer.PeeringConnectionId is null ? null : "active",
            }
            : null,
        Description = rule.Description,
    };
}
