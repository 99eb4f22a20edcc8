using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// Groups single-peer rules back into permissions as DescribeSecurityGroups shows them: one permission per
/// protocol and port range, in the order the rules were added, holding all of their peers.
/// </summary>
internal static class PermissionGrouping
{
    public static IReadOnlyList<IpPermission> Group(IEnumerable<SecurityGroupRule> rules, Func<string, string?> groupName)
    {
        var permissions = new List<IpPermission>();
        foreach (var range in rules.GroupBy(r => (r.IpProtocol, r.FromPort, r.ToPort)))
        {
            var showPorts = ShowsPorts(range.Key.IpProtocol);
            permissions.Add(new IpPermission
            {
                IpProtocol = range.Key.IpProtocol,
                FromPort = showPorts ? range.Key.FromPort : null,
                ToPort = showPorts ? range.Key.ToPort : null,
                IpRanges = [.. range.Where(r => r.CidrIpv4 is not null).Select(r => new IpRange { CidrIp = r.CidrIpv4!, Description = r.Description })],
                Ipv6Ranges = [.. range.Where(r => r.CidrIpv6 is not null).Select(r => new Ipv6Range { CidrIpv6 = r.CidrIpv6!, Description = r.Description })],
                PrefixListIds = [.. range.Where(r => r.PrefixListId is not null).Select(r => new PrefixListId { Id = r.PrefixListId!, Description = r.Description })],
                UserIdGroupPairs = [.. range.Where(r => r.ReferencedGroupInfo is not null).Select(r => new UserIdGroupPair
                {
                    GroupId = r.ReferencedGroupInfo!.GroupId!,
                    UserId = r.ReferencedGroupInfo.UserId,
                    Description = r.Description,
                })],
            });
        }
        return permissions;
    }

    /// <summary>Ports mean something (and are shown) for TCP, UDP, ICMP and ICMPv6 only.</summary>
    public static bool ShowsPorts(string protocol) => protocol is "tcp" or "udp" or "icmp" or "icmpv6";
}
