using System.Globalization;
using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// Decides flows by AWS security group semantics (SEMANTICS.md section 1), with every pod treated as
/// an ENI in its SGs. Written from the contract, independently of the translation, so the two can be
/// checked against each other. Pure: built once from a snapshot, answers any number of flows.
/// </summary>
public sealed class AwsEvaluator
{
    /// <summary>ENI tag the Amazon VPC CNI puts on the secondary ENIs it attaches for pods.</summary>
    public const string VpcCniInstanceTag = "node.k8s.amazonaws.com/instance_id";

    /// <summary>Description prefix of the ENIs the Amazon VPC CNI creates.</summary>
    public const string VpcCniDescriptionPrefix = "aws-K8S-";

    private readonly Dictionary<string, SecurityGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IpCidr>> _prefixLists = new(StringComparer.Ordinal);
    private readonly Dictionary<IPAddress, AwsEndpoint> _owners = [];
    private readonly IPAddress? _resolver;

    public AwsEvaluator(AwsSnapshot snapshot, SgLambdaConfig config, IEnumerable<Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(pods);
        var vpcId = config.VpcId;

        // SGs of other VPCs and the internal SGs are ignored everywhere: as memberships, peers and rule owners.
        foreach (var group in snapshot.SecurityGroups)
        {
            var inVpc = group.VpcId is null || string.Equals(group.VpcId, vpcId, StringComparison.Ordinal);
            if (inVpc && !config.IsInternal(group.GroupId)) _groups.TryAdd(group.GroupId, group);
        }
        foreach (var list in snapshot.PrefixLists)
        {
            var entries = new List<IpCidr>();
            foreach (var entry in list.Entries)
            {
                if (IpCidr.TryParse(entry.Cidr, out var cidr)) entries.Add(cidr);
            }
            _prefixLists.TryAdd(list.PrefixListId, entries);
        }
        _resolver = AwsExemptAddresses.VpcResolver(
            snapshot.Vpcs.FirstOrDefault(vpc => string.Equals(vpc.VpcId, vpcId, StringComparison.Ordinal))?.CidrBlock);

        // Precedence: pods, then cluster nodes, then VPC members.
        foreach (var pod in pods)
        {
            // A pod of a namespace the webhook does not see is in the node SGs and the pod-default SG,
            // whatever labels it carries (SEMANTICS.md section 3): nobody vetted them.
            var groups = config.ExemptNamespaces.Contains(pod.Namespace, StringComparer.Ordinal)
                ? config.NodeSecurityGroupIds.Append(config.PodSecurityGroupId).OfType<string>()
                : pod.Labels.Keys
                    .Where(key => key.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal))
                    .Select(key => key[LabelKeys.SecurityGroupPrefix.Length..]);
            Own(new AwsEndpoint(AwsEndpointKind.Pod, $"{pod.Namespace}/{pod.Name}", [pod.Ip], Effective(groups)));
        }

        var enis = snapshot.NetworkInterfaces
            .Where(eni => string.Equals(eni.VpcId, vpcId, StringComparison.Ordinal))
            .ToList();
        var nodeInstances = snapshot.Nodes
            .Select(node => node.InstanceId)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (config.EnforcedSecurityGroupId is { } enforced)
        {
            foreach (var eni in enis.Where(IsPrimary))
            {
                if (eni.Groups.Any(group => string.Equals(group.GroupId, enforced, StringComparison.Ordinal)))
                {
                    nodeInstances.Add(eni.Attachment!.InstanceId!);
                }
            }
        }
        foreach (var eni in enis.Where(eni => IsPrimary(eni) && nodeInstances.Contains(eni.Attachment!.InstanceId!)))
        {
            // A node is its primary ENI's primary addresses only: its other addresses are pods'.
            IPAddress?[] addresses = [PrimaryIpv4(eni), PrimaryIpv6(eni)];
            Own(new AwsEndpoint(
                AwsEndpointKind.ClusterNode,
                eni.Attachment!.InstanceId!,
                addresses.OfType<IPAddress>().ToList(),
                Effective(eni.Groups.Select(group => group.GroupId))));
        }
        foreach (var eni in enis.Where(eni => IsVpcMember(eni, nodeInstances)))
        {
            Own(new AwsEndpoint(
                AwsEndpointKind.VpcMember,
                eni.NetworkInterfaceId,
                AllAddresses(eni),
                Effective(eni.Groups.Select(group => group.GroupId))));
        }
    }

    /// <summary>The pod, node or VPC member owning the address, else an external, ungoverned endpoint.</summary>
    public AwsEndpoint FindEndpoint(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _owners.GetValueOrDefault(address)
            ?? new AwsEndpoint(AwsEndpointKind.External, address.ToString(), [address], []);
    }

    public AwsVerdict Evaluate(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var source = FindEndpoint(flow.Source);
        var destination = FindEndpoint(flow.Destination);
        var exemption = AwsExemptAddresses.Reason(flow.Destination, _resolver) ?? AwsExemptAddresses.Reason(flow.Source, _resolver);
        return new AwsVerdict(
            flow,
            exemption,
            Side(TrafficDirection.Egress, source, destination, flow),
            Side(TrafficDirection.Ingress, destination, source, flow));
    }

    private AwsSideVerdict Side(TrafficDirection direction, AwsEndpoint local, AwsEndpoint peer, Flow flow)
    {
        if (!local.Governed) return new AwsSideVerdict(direction, local, Allowed: true, null);
        foreach (var groupId in local.SecurityGroupIds)
        {
            var group = _groups[groupId];
            var permissions = direction == TrafficDirection.Egress ? group.IpPermissionsEgress : group.IpPermissions;
            foreach (var permission in permissions)
            {
                if (!ProtocolMatches(permission, flow)) continue;
                if (MatchingPeer(permission, peer, direction == TrafficDirection.Egress ? flow.Destination : flow.Source) is { } matched)
                {
                    return new AwsSideVerdict(direction, local, Allowed: true, new AwsRuleMatch(groupId, permission, matched));
                }
            }
        }
        return new AwsSideVerdict(direction, local, Allowed: false, null);
    }

    /// <summary>The first peer of the permission that the endpoint at <paramref name="address"/> matches, or null.</summary>
    private string? MatchingPeer(IpPermission permission, AwsEndpoint peer, IPAddress address)
    {
        foreach (var range in permission.IpRanges)
        {
            if (IpCidr.TryParse(range.CidrIp, out var cidr) && cidr.Contains(address)) return range.CidrIp;
        }
        foreach (var range in permission.Ipv6Ranges)
        {
            if (IpCidr.TryParse(range.CidrIpv6, out var cidr) && cidr.Contains(address)) return range.CidrIpv6;
        }
        foreach (var list in permission.PrefixListIds)
        {
            // A prefix list missing from the snapshot matches nothing.
            if (_prefixLists.TryGetValue(list.Id, out var entries) && entries.Any(entry => entry.Contains(address))) return list.Id;
        }
        foreach (var pair in permission.UserIdGroupPairs)
        {
            // Memberships only hold known, non-internal SGs of the VPC, so other references match nothing.
            if (peer.IsMemberOf(pair.GroupId)) return pair.GroupId;
        }
        return null;
    }

    private static bool ProtocolMatches(IpPermission permission, Flow flow)
    {
        var protocol = permission.IpProtocol.ToLowerInvariant();
        if (protocol is "-1" or "all") return true;
        int? number = protocol switch
        {
            "tcp" => IpProtocols.Tcp,
            "udp" => IpProtocols.Udp,
            "icmp" => IpProtocols.Icmp,
            "icmpv6" => IpProtocols.Icmpv6,
            _ => int.TryParse(protocol, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        };
        if (number != flow.Protocol) return false;
        if (number is IpProtocols.Tcp or IpProtocols.Udp)
        {
            if (permission.FromPort is null or -1) return true;
            var from = permission.FromPort.Value;
            var to = permission.ToPort ?? from;
            if (from <= 0 && to >= 65535) return true;
            return flow.Port is { } port && port >= from && port <= to;
        }
        if (number is IpProtocols.Icmp or IpProtocols.Icmpv6)
        {
            // For ICMP, FromPort is the type and ToPort the code; -1 (or absent) is any.
            return (permission.FromPort is null or -1 || permission.FromPort == flow.IcmpType)
                && (permission.ToPort is null or -1 || permission.ToPort == flow.IcmpCode);
        }
        return true; // Any other protocol is allowed whole.
    }

    private void Own(AwsEndpoint endpoint)
    {
        foreach (var address in endpoint.Addresses) _owners.TryAdd(address, endpoint);
    }

    private List<string> Effective(IEnumerable<string> groupIds) =>
        groupIds.Where(_groups.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Device index 0 on network card 0 of an instance.</summary>
    private static bool IsPrimary(NetworkInterface eni) =>
        eni.Attachment is { DeviceIndex: 0, InstanceId: not null } attachment && (attachment.NetworkCardIndex ?? 0) == 0;

    private static bool IsVpcMember(NetworkInterface eni, HashSet<string> nodeInstances)
    {
        if (eni.InterfaceType is "branch" or "trunk") return false;
        // Every ENI of a node is the node (primary) or holds pod addresses (secondary).
        if (eni.Attachment?.InstanceId is { } instance && nodeInstances.Contains(instance)) return false;
        if (eni.TagSet.Any(tag => string.Equals(tag.Key, VpcCniInstanceTag, StringComparison.Ordinal))) return false;
        return eni.Description?.StartsWith(VpcCniDescriptionPrefix, StringComparison.Ordinal) != true;
    }

    private static IPAddress? PrimaryIpv4(NetworkInterface eni) =>
        Parse(eni.PrivateIpAddresses.FirstOrDefault(address => address.Primary)?.PrivateIpAddress ?? eni.PrivateIpAddress);

    private static IPAddress? PrimaryIpv6(NetworkInterface eni) =>
        Parse(eni.Ipv6Addresses.FirstOrDefault(address => address.IsPrimaryIpv6 == true)?.Ipv6Address
            ?? eni.Ipv6Address
            ?? (eni.Ipv6Addresses.Count > 0 ? eni.Ipv6Addresses[0].Ipv6Address : null));

    private static List<IPAddress> AllAddresses(NetworkInterface eni)
    {
        IEnumerable<string?> texts =
        [
            eni.PrivateIpAddress,
            .. eni.PrivateIpAddresses.Select(address => address.PrivateIpAddress),
            eni.Ipv6Address,
            .. eni.Ipv6Addresses.Select(address => address.Ipv6Address),
        ];
        return texts.Select(Parse).OfType<IPAddress>().Distinct().ToList();
    }

    private static IPAddress? Parse(string? text) => IPAddress.TryParse(text, out var address) ? address : null;
}
