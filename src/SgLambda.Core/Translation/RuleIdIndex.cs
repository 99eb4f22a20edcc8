using System.Globalization;
using SgLambda.Core.Aws;

namespace SgLambda.Core.Translation;

/// <summary>
/// Finds the id (<c>sgr-...</c>) of a flattened rule among DescribeSecurityGroupRules' output, by what
/// the rule is: group, direction, protocol, ports and peer.
/// </summary>
public sealed class RuleIdIndex
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public RuleIdIndex(IEnumerable<SecurityGroupRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            var peer = rule.CidrIpv4 is { } v4 ? PeerKey("ipv4", v4)
                : rule.CidrIpv6 is { } v6 ? PeerKey("ipv6", v6)
                : rule.PrefixListId is { } pl ? PeerKey("pl", pl)
                : rule.ReferencedGroupInfo?.GroupId is { } group ? PeerKey("sg", group)
                : null;
            if (peer is null) continue;
            _ids.TryAdd(Key(rule.GroupId, rule.IsEgress, rule.IpProtocol, rule.FromPort, rule.ToPort, peer), rule.SecurityGroupRuleId);
        }
    }

    public static RuleIdIndex Empty { get; } = new([]);

    public string? Find(string groupId, bool isEgress, IpPermission permission, string peerKind, string peerValue)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return _ids.GetValueOrDefault(Key(groupId, isEgress, permission.IpProtocol, permission.FromPort, permission.ToPort, PeerKey(peerKind, peerValue)));
    }

    private static string PeerKey(string kind, string value) => kind + ":" + value.Trim();

    // DescribeSecurityGroups omits ports for protocol -1 where DescribeSecurityGroupRules says -1.
    private static string Key(string groupId, bool isEgress, string protocol, int? from, int? to, string peer) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{groupId.Trim()}|{(isEgress ? "egress" : "ingress")}|{protocol.Trim().ToUpperInvariant()}|{from ?? -1}|{to ?? -1}|{peer}");
}
