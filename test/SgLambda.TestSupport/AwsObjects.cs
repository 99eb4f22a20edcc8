using System.Net;
using SgLambda.Core.Aws;

namespace SgLambda.TestSupport;

/// <summary>Short builders for AWS objects in evaluator tests.</summary>
public static class AwsObjects
{
    public const string VpcId = "vpc-1";

    public static SecurityGroup Group(string id, IpPermission[]? ingress = null, IpPermission[]? egress = null, string vpcId = VpcId) =>
        new() { GroupId = id, VpcId = vpcId, IpPermissions = ingress ?? [], IpPermissionsEgress = egress ?? [] };

    /// <summary>Peers by shape: an IPv4 or IPv6 CIDR, <c>sg-...</c> or <c>pl-...</c>.</summary>
    public static IpPermission Permission(string protocol, int? from, int? to, params string[] peers) =>
        new()
        {
            IpProtocol = protocol,
            FromPort = from,
            ToPort = to,
            IpRanges = [.. peers.Where(p => char.IsAsciiDigit(p[0]) && !p.Contains(':', StringComparison.Ordinal)).Select(p => new IpRange { CidrIp = p })],
            Ipv6Ranges = [.. peers.Where(p => p.Contains(':', StringComparison.Ordinal)).Select(p => new Ipv6Range { CidrIpv6 = p })],
            UserIdGroupPairs = [.. peers.Where(p => p.StartsWith("sg-", StringComparison.Ordinal)).Select(p => new UserIdGroupPair { GroupId = p })],
            PrefixListIds = [.. peers.Where(p => p.StartsWith("pl-", StringComparison.Ordinal)).Select(p => new PrefixListId { Id = p })],
        };

    public static IpPermission AllTraffic(params string[] peers) => Permission("-1", null, null, peers);

    /// <summary>An ENI; the first IPv4 address is the primary one, the first IPv6 address the primary IPv6.</summary>
    public static NetworkInterface Eni(
        string id,
        string[] groups,
        string[] addresses,
        string? instanceId = null,
        int deviceIndex = 0,
        string interfaceType = "interface",
        string? description = null,
        string? tag = null,
        string vpcId = VpcId)
    {
        var v4 = addresses.Where(a => IPAddress.Parse(a).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).ToList();
        var v6 = addresses.Except(v4).ToList();
        return new NetworkInterface
        {
            NetworkInterfaceId = id,
            VpcId = vpcId,
            InterfaceType = interfaceType,
            Description = description,
            Groups = [.. groups.Select(g => new GroupIdentifier { GroupId = g })],
            PrivateIpAddress = v4.FirstOrDefault(),
            PrivateIpAddresses = [.. v4.Select((a, i) => new NetworkInterfacePrivateIpAddress { PrivateIpAddress = a, Primary = i == 0 })],
            Ipv6Addresses = [.. v6.Select((a, i) => new NetworkInterfaceIpv6Address { Ipv6Address = a, IsPrimaryIpv6 = i == 0 })],
            Attachment = instanceId is null ? null : new NetworkInterfaceAttachment { InstanceId = instanceId, DeviceIndex = deviceIndex, NetworkCardIndex = 0 },
            TagSet = tag is null ? [] : [new Tag { Key = tag, Value = "x" }],
        };
    }
}
