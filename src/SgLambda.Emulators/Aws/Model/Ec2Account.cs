using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// The emulated account's state in one region: VPCs, subnets, security groups, ENIs, instances, managed
/// prefix lists and RDS DB instances. Thread-safe: every read and change holds one lock, so a call's
/// change, its response and its events are one atomic step. Records handed out are immutable snapshots.
/// The public Add methods seed state for tests and demos directly, without calls or events.
/// </summary>
public sealed partial class Ec2Account
{
    private readonly OrderedDictionary<string, Ec2Vpc> vpcs = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2Subnet> subnets = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2SecurityGroup> groups = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2NetworkInterface> interfaces = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2Instance> instances = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2PrefixList> prefixLists = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, RdsDbInstance> dbInstances = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;

    internal Ec2Account(string accountId, string region, IdGenerator ids, TimeProvider clock)
    {
        AccountId = accountId;
        Region = region;
        Ids = ids;
        this.clock = clock;
    }

    public string AccountId { get; }

    public string Region { get; }

    internal IdGenerator Ids { get; }

    /// <summary>Held for a whole call by the request pipeline (it is re-entrant).</summary>
    internal Lock Gate { get; } = new();

    internal DateTimeOffset Now => clock.GetUtcNow();

    public IReadOnlyList<Ec2Vpc> Vpcs => Read(() => vpcs.Values.ToList());

    public IReadOnlyList<Ec2Subnet> Subnets => Read(() => subnets.Values.ToList());

    public IReadOnlyList<Ec2SecurityGroup> SecurityGroups => Read(() => groups.Values.ToList());

    public IReadOnlyList<Ec2NetworkInterface> NetworkInterfaces => Read(() => interfaces.Values.ToList());

    public IReadOnlyList<Ec2Instance> Instances => Read(() => instances.Values.ToList());

    public IReadOnlyList<Ec2PrefixList> PrefixLists => Read(() => prefixLists.Values.ToList());

    public IReadOnlyList<RdsDbInstance> DbInstances => Read(() => dbInstances.Values.ToList());

    public Ec2SecurityGroup? FindSecurityGroup(string groupId) => Read(() => groups.GetValueOrDefault(groupId));

    public Ec2NetworkInterface? FindNetworkInterface(string id) => Read(() => interfaces.GetValueOrDefault(id));

    public Ec2Instance? FindInstance(string instanceId) => Read(() => instances.GetValueOrDefault(instanceId));

    public Ec2PrefixList? FindPrefixList(string prefixListId) => Read(() => prefixLists.GetValueOrDefault(prefixListId));

    /// <summary>RDS identifiers are case-insensitive: RDS stores them in lower case.</summary>
    public RdsDbInstance? FindDbInstance(string identifier) => Read(() => dbInstances.GetValueOrDefault(identifier.ToLowerInvariant()));

    /// <summary>
    /// Seeds a VPC with one subnet spanning its CIDR (in availability zone <c>&lt;region&gt;a</c>) and, like
    /// EC2, a <c>default</c> security group that allows all traffic from itself and all egress.
    /// </summary>
    public Ec2Vpc AddVpc(string cidrBlock, bool withDefaultSecurityGroup = true)
    {
        if (!IPNetwork.TryParse(cidrBlock, out var cidr) || cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
            throw new ArgumentException($"'{cidrBlock}' is not an IPv4 CIDR", nameof(cidrBlock));
        lock (Gate)
        {
            var vpc = new Ec2Vpc(Ids.Next("vpc"), cidrBlock, Ids.Next("vpc-cidr-assoc"), AccountId);
            vpcs.Add(vpc.VpcId, vpc);
            AddSubnet(vpc.VpcId, cidr.ToString());
            if (withDefaultSecurityGroup)
            {
                var group = CreateSecurityGroup("default", "default VPC security group", vpc.VpcId, []);
                Authorize(group.GroupId, isEgress: false,
                    [new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = group.GroupId, UserId = AccountId }] }]);
            }
            return vpc;
        }
    }

    /// <summary>Seeds a subnet of a VPC.</summary>
    public Ec2Subnet AddSubnet(string vpcId, string cidrBlock, string? availabilityZone = null)
    {
        if (!IPNetwork.TryParse(cidrBlock, out var cidr) || cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
            throw new ArgumentException($"'{cidrBlock}' is not an IPv4 CIDR", nameof(cidrBlock));
        lock (Gate)
        {
            GetVpc(vpcId);
            var subnet = new Ec2Subnet(Ids.Next("subnet"), vpcId, cidr.ToString(), availabilityZone ?? Region + "a");
            subnets.Add(subnet.SubnetId, subnet);
            return subnet;
        }
    }

    /// <summary>The account's state as SgLambda reads it (what <c>sglambda render</c> takes as input).</summary>
    public AwsSnapshot ToSnapshot() => Read(() => new AwsSnapshot
    {
        Vpcs = [.. vpcs.Values.Select(v => new Vpc { VpcId = v.VpcId, CidrBlock = v.CidrBlock })],
        SecurityGroups = [.. groups.Values.Select(ToSnapshot)],
        SecurityGroupRules = [.. groups.Values.SelectMany(g => g.Rules)],
        NetworkInterfaces = [.. interfaces.Values.Select(ToSnapshot)],
        PrefixLists = [.. prefixLists.Values.Select(p => new ManagedPrefixList
        {
            PrefixListId = p.PrefixListId,
            PrefixListName = p.PrefixListName,
            Entries = p.Entries,
        })],
        DbInstances = [.. dbInstances.Values.Select(d => new DbInstance
        {
            DBInstanceIdentifier = d.DbInstanceIdentifier,
            DBInstanceStatus = d.Status,
            VpcId = d.VpcId,
            VpcSecurityGroupIds = d.VpcSecurityGroupIds,
        })],
    });

    internal T Read<T>(Func<T> query)
    {
        lock (Gate) return query();
    }

    internal Ec2Vpc GetVpc(string vpcId) => vpcs.GetValueOrDefault(vpcId) ?? throw Ec2Errors.VpcNotFound(vpcId);

    internal Ec2Subnet GetSubnet(string subnetId) =>
        subnets.GetValueOrDefault(subnetId) ?? throw Ec2Errors.SubnetNotFound(subnetId);

    internal Ec2SecurityGroup GetSecurityGroup(string groupId) =>
        groups.GetValueOrDefault(groupId) ?? throw Ec2Errors.GroupNotFound(groupId);

    internal Ec2NetworkInterface GetNetworkInterface(string id) =>
        interfaces.GetValueOrDefault(id) ?? throw Ec2Errors.NetworkInterfaceNotFound(id);

    internal Ec2PrefixList GetPrefixList(string id) => prefixLists.GetValueOrDefault(id) ?? throw Ec2Errors.PrefixListNotFound(id);

    internal Ec2Subnet FirstSubnetOf(string vpcId) =>
        subnets.Values.FirstOrDefault(s => string.Equals(s.VpcId, vpcId, StringComparison.Ordinal))
        ?? throw Ec2Errors.InvalidParameterValue($"The VPC '{vpcId}' has no subnet");

    internal Ec2SecurityGroup? DefaultSecurityGroupOf(string vpcId) =>
        groups.Values.FirstOrDefault(g => string.Equals(g.VpcId, vpcId, StringComparison.Ordinal)
            && string.Equals(g.GroupName, "default", StringComparison.Ordinal));

    /// <summary>EC2's private DNS name of an address: <c>ip-10-0-0-5.ec2.internal</c> in us-east-1.</summary>
    internal string PrivateDnsName(string address) =>
        "ip-" + address.Replace('.', '-') + (string.Equals(Region, "us-east-1", StringComparison.Ordinal)
            ? ".ec2.internal"
            : "." + Region + ".compute.internal");

    /// <summary>
    /// The lowest free address of a subnet, skipping the four addresses AWS reserves at its start and
    /// the broadcast address at its end.
    /// </summary>
    internal string AllocatePrivateIp(Ec2Subnet subnet, ISet<string> alsoTaken)
    {
        var cidr = IPNetwork.Parse(subnet.CidrBlock);
        var used = AddressesIn(subnet);
        var network = BinaryPrimitives.ReadUInt32BigEndian(cidr.BaseAddress.GetAddressBytes());
        var size = 1UL << (32 - cidr.PrefixLength);
        for (var offset = 4UL; offset + 1 < size; offset++)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(network + offset));
            var candidate = new IPAddress(bytes).ToString();
            if (!used.Contains(candidate) && !alsoTaken.Contains(candidate)) return candidate;
        }
        throw new Protocol.AwsApiException("InsufficientFreeAddressesInSubnet",
            $"The specified subnet {subnet.SubnetId} does not have enough free addresses to satisfy the request.");
    }

    /// <summary>Checks that an address the caller chose is in the subnet and not used.</summary>
    internal void ValidateChosenIp(Ec2Subnet subnet, string address, ISet<string> alsoTaken)
    {
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
            throw Ec2Errors.InvalidParameterValue($"Invalid private IP address: '{address}'");
        if (!IPNetwork.Parse(subnet.CidrBlock).Contains(ip))
            throw Ec2Errors.InvalidParameterValue($"Address {address} does not fall within the subnet's address range");
        if (AddressesIn(subnet).Contains(address) || alsoTaken.Contains(address)) throw Ec2Errors.AddressInUse(address);
    }

    private HashSet<string> AddressesIn(Ec2Subnet subnet) =>
        [.. interfaces.Values
            .Where(e => string.Equals(e.SubnetId, subnet.SubnetId, StringComparison.Ordinal))
            .SelectMany(e => e.PrivateIps.Select(ip => ip.Address))];

    private SecurityGroup ToSnapshot(Ec2SecurityGroup group) => new()
    {
        GroupId = group.GroupId,
        GroupName = group.GroupName,
        Description = group.Description,
        VpcId = group.VpcId,
        OwnerId = group.OwnerId,
        IpPermissions = PermissionGrouping.Group(group.Ingress, GroupName),
        IpPermissionsEgress = PermissionGrouping.Group(group.Egress, GroupName),
        Tags = group.Tags,
    };

    private NetworkInterface ToSnapshot(Ec2NetworkInterface eni) => new()
    {
        NetworkInterfaceId = eni.NetworkInterfaceId,
        VpcId = eni.VpcId,
        SubnetId = eni.SubnetId,
        AvailabilityZone = eni.AvailabilityZone,
        InterfaceType = eni.InterfaceType,
        Description = eni.Description,
        Status = eni.Status,
        RequesterId = eni.RequesterId,
        RequesterManaged = eni.RequesterManaged,
        PrivateIpAddress = eni.PrimaryPrivateIp,
        PrivateDnsName = eni.PrimaryPrivateIp is { } primary ? PrivateDnsName(primary) : null,
        Groups = [.. eni.GroupIds.Select(id => new GroupIdentifier { GroupId = id, GroupName = GroupName(id) })],
        PrivateIpAddresses = [.. eni.PrivateIps.Select(ip => new NetworkInterfacePrivateIpAddress
        {
            PrivateIpAddress = ip.Address,
            Primary = ip.Primary,
            PrivateDnsName = PrivateDnsName(ip.Address),
        })],
        Ipv6Addresses = [.. eni.Ipv6Addresses.Select(a => new NetworkInterfaceIpv6Address { Ipv6Address = a, IsPrimaryIpv6 = false })],
        Attachment = eni.Attachment is { } a
            ? new NetworkInterfaceAttachment
            {
                AttachmentId = a.AttachmentId,
                InstanceId = a.InstanceId,
                InstanceOwnerId = a.InstanceOwnerId,
                DeviceIndex = a.DeviceIndex,
                NetworkCardIndex = a.NetworkCardIndex,
                Status = a.Status,
            }
            : null,
        TagSet = eni.Tags,
    };

    internal string? GroupName(string groupId) => groups.GetValueOrDefault(groupId)?.GroupName;

    internal AccountCheckpoint Checkpoint() => new(
        [.. vpcs.Values], [.. subnets.Values], [.. groups.Values], [.. interfaces.Values],
        [.. instances.Values], [.. prefixLists.Values], [.. dbInstances.Values]);

    internal void Restore(AccountCheckpoint checkpoint)
    {
        Refill(vpcs, checkpoint.Vpcs, v => v.VpcId);
        Refill(subnets, checkpoint.Subnets, s => s.SubnetId);
        Refill(groups, checkpoint.Groups, g => g.GroupId);
        Refill(interfaces, checkpoint.Interfaces, e => e.NetworkInterfaceId);
        Refill(instances, checkpoint.Instances, i => i.InstanceId);
        Refill(prefixLists, checkpoint.PrefixLists, p => p.PrefixListId);
        Refill(dbInstances, checkpoint.DbInstances, d => d.DbInstanceIdentifier);
    }

    private static void Refill<T>(OrderedDictionary<string, T> target, IReadOnlyList<T> items, Func<T, string> key)
    {
        target.Clear();
        foreach (var item in items) target.Add(key(item), item);
    }
}
