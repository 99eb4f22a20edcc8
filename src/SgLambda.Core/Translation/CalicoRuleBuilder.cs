using System.Collections.Immutable;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Net;

namespace SgLambda.Core.Translation;

/// <summary>
/// One SG rule as one Calico rule, from either end of the traffic. Every rule Passes: the integration
/// tiers never Allow (SEMANTICS.md section 1).
/// </summary>
public static class CalicoRuleBuilder
{
    /// <summary>
    /// The rule for the SG's own members (<c>sg-local</c>): an ingress rule's peer is the source, an egress
    /// rule's peer the destination.
    /// </summary>
    public static Rule Local(SecurityGroupRuleView rule, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var peer = PeerMatch(rule.Peer, config);
        return rule.Direction == RuleDirection.Ingress
            ? Build(rule, source: peer, destination: Ports(rule.Protocol, new EntityRule()))
            : Build(rule, source: null, destination: Ports(rule.Protocol, peer));
    }

    /// <summary>
    /// The rule for an enforced endpoint talking to a HostEndpoint in the rule's SG (<c>sg-remote</c>).
    /// The far SG's ingress rule becomes the local endpoint's egress rule: the local endpoint (source)
    /// must be the rule's peer, the destination a HostEndpoint of the SG. Its egress rule becomes an
    /// ingress rule the other way round. An SG peer is not repeated in the rule: the policy that holds
    /// it selects that SG's members (<see cref="RemoteTarget"/>); a CIDR or prefix-list peer is matched
    /// against the local endpoint's own address.
    /// </summary>
    public static Rule Remote(SecurityGroupRuleView rule, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Remote(rule, FarEnd(rule.GroupId, config), config);
    }

    /// <summary>The far end of <c>sg-remote</c> rules of an SG: its HostEndpoints. One value serves all its rules.</summary>
    public static EntityRule FarEnd(string groupId, SgLambdaConfig config) =>
        new() { Selector = Selectors.MemberOf(groupId, config), NamespaceSelector = Selectors.Global };

    /// <summary><see cref="Remote(SecurityGroupRuleView, SgLambdaConfig)"/> with the far end (<see cref="FarEnd"/> of the rule's SG) built once for all of the SG's rules.</summary>
    public static Rule Remote(SecurityGroupRuleView rule, EntityRule farEnd, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(farEnd);
        var localEnd = rule.Peer is RulePeer.GroupPeer ? null : PeerMatch(rule.Peer, config);
        return rule.Direction == RuleDirection.Ingress
            ? Build(rule, source: localEnd, destination: Ports(rule.Protocol, farEnd))
            : Build(rule, source: farEnd, destination: Ports(rule.Protocol, localEnd ?? new EntityRule()));
    }

    /// <summary>Calico's protocol value: the names Calico knows, else the number.</summary>
    public static IntOrString? ProtocolValue(int? number) => number switch
    {
        null => (IntOrString?)null,
        RuleProtocol.Tcp => IntOrString.Of("TCP"),
        RuleProtocol.Udp => IntOrString.Of("UDP"),
        RuleProtocol.Icmp => IntOrString.Of("ICMP"),
        RuleProtocol.IcmpV6 => IntOrString.Of("ICMPv6"),
        RuleProtocol.Sctp => IntOrString.Of("SCTP"),
        RuleProtocol.UdpLite => IntOrString.Of("UDPLite"),
        _ => IntOrString.Of(number.Value),
    };

    private static Rule Build(SecurityGroupRuleView rule, EntityRule? source, EntityRule destination) => new()
    {
        Action = RuleActions.Pass,
        Protocol = ProtocolValue(rule.Protocol.Number),
        IpVersion = rule.Protocol.ImpliedIpVersion ?? (rule.Peer is RulePeer.CidrPeer cidr ? cidr.Cidr.IpVersion : null),
        Icmp = rule.Protocol.IsIcmp && rule.Protocol.FromPort is { } type
            ? new IcmpFields { Type = type, Code = rule.Protocol.ToPort }
            : null,
        Source = Empty(source),
        Destination = Empty(destination),
        Metadata = new RuleMetadata { Annotations = Annotations(rule) },
    };

    private static EntityRule PeerMatch(RulePeer peer, SgLambdaConfig config) => peer switch
    {
        RulePeer.CidrPeer cidr => new EntityRule { Nets = [cidr.Cidr.ToString()] },
        RulePeer.GroupPeer group => new EntityRule { Selector = Selectors.MemberOf(group.GroupId, config) },
        RulePeer.PrefixListPeer list => new EntityRule { Selector = Selectors.PrefixList(list.PrefixListId), NamespaceSelector = Selectors.Global },
        _ => throw new ArgumentOutOfRangeException(nameof(peer), peer, "unknown peer kind"),
    };

    private static EntityRule Ports(RuleProtocol protocol, EntityRule entity)
    {
        if (!protocol.HasPorts || protocol.FromPort is not { } from || protocol.ToPort is not { } to) return entity;
        IntOrString port = from == to ? IntOrString.Of(from) : IntOrString.Of(FormattableString.Invariant($"{from}:{to}"));
        return entity with { Ports = [port] };
    }

    private static EntityRule? Empty(EntityRule? entity) => entity == new EntityRule() ? null : entity;

    private static ImmutableSortedDictionary<string, string> Annotations(SecurityGroupRuleView rule)
    {
        var annotations = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        annotations[LabelKeys.SecurityGroupId] = rule.GroupId;
        if (rule.RuleId is { Length: > 0 } id) annotations[LabelKeys.RuleId] = id;
        if (rule.Description is { Length: > 0 } description) annotations[LabelKeys.RuleDescription] = description;
        return annotations.ToImmutable();
    }
}
