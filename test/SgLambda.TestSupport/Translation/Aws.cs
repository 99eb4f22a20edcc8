using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.TestSupport.Translation;

/// <summary>Terse builders for AWS model objects in tests.</summary>
public static class Aws
{
    public const string VpcId = "vpc-0a1b2c3d4e5f60718";
    public const string TrustSg = "sg-0trust000000000001";
    public const string EnforcedSg = "sg-0enforced00000001";

    public static SgLambdaConfig Config(bool enforceNodes = true, string api = CalicoApiGroups.ProjectCalicoV3) => new()
    {
        VpcId = VpcId,
        ClusterName = "demo",
        TrustSecurityGroupId = TrustSg,
        EnforcedSecurityGroupId = EnforcedSg,
        EnforceNodes = enforceNodes,
        CalicoApiGroup = api,
    };

    public static SecurityGroup Sg(string id, IpPermission[]? ingress = null, IpPermission[]? egress = null, string? vpc = VpcId) => new()
    {
        GroupId = id,
        GroupName = id + "-name",
        VpcId = vpc,
        IpPermissions = ingress ?? [],
        IpPermissionsEgress = egress ?? [],
    };

    public static IpPermission Perm(string protocol, int? from = null, int? to = null,
        string[]? cidrs = null, string[]? cidrs6 = null, string[]? groups = null, string[]? lists = null, string? description = null) => new()
        {
            IpProtocol = protocol,
            FromPort = from,
            ToPort = to,
            IpRanges = [.. (cidrs ?? []).Select(c => new IpRange { CidrIp = c, Description = description })],
            Ipv6Ranges = [.. (cidrs6 ?? []).Select(c => new Ipv6Range { CidrIpv6 = c, Description = description })],
            UserIdGroupPairs = [.. (groups ?? []).Select(g => new UserIdGroupPair { GroupId = g, Description = description })],
            PrefixListIds = [.. (lists ?? []).Select(l => new PrefixListId { Id = l, Description = description })],
        };

    public static NetworkInterface Eni(string id, string[] groups, string[] ips, string? instance = null, int deviceIndex = 0,
        string? interfaceType = "interface", string? description = null, string[]? ipv6 = null, string? dnsName = null, Tag[]? tags = null) => new()
        {
            NetworkInterfaceId = id,
            VpcId = VpcId,
            InterfaceType = interfaceType,
            Description = description,
            PrivateDnsName = dnsName,
            PrivateIpAddress = ips.FirstOrDefault(),
            Groups = [.. groups.Select(g => new GroupIdentifier { GroupId = g })],
            PrivateIpAddresses = [.. ips.Select((ip, i) => new NetworkInterfacePrivateIpAddress { PrivateIpAddress = ip, Primary = i == 0 })],
            Ipv6Addresses = [.. (ipv6 ?? []).Select(ip => new NetworkInterfaceIpv6Address { Ipv6Address = ip })],
            Attachment = instance is null ? null : new NetworkInterfaceAttachment { InstanceId = instance, DeviceIndex = deviceIndex, NetworkCardIndex = 0 },
            TagSet = tags ?? [],
        };

    public static AwsSnapshot Snapshot(SecurityGroup[] groups, NetworkInterface[]? enis = null, ManagedPrefixList[]? lists = null,
        KubernetesNode[]? nodes = null, SecurityGroupRule[]? rules = null) => new()
        {
            SecurityGroups = groups,
            NetworkInterfaces = enis ?? [],
            Vpcs = [new Vpc { VpcId = VpcId, CidrBlock = "10.0.0.0/16" }],
            PrefixLists = lists ?? [],
            Nodes = nodes ?? [],
            SecurityGroupRules = rules ?? [],
        };
}
