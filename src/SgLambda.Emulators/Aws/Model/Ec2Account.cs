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
    private readonly OrderedDictionary<string, Ec2Vpc> _vpcs = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2Subnet> _subnets = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2SecurityGroup> _groups = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2NetworkInterface> _interfaces = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2Instance> _instances = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Ec2PrefixList> _prefixLists = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, RdsDbInstance> _dbInstances = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    internal Ec2Account(string accountId, string region, IdGenerator ids, TimeProvider clock)
    {
        AccountId = accountId;
        Region = region;
        Ids = ids;
        _clock = clock;
    }

    public string AccountId { get; }

    public string Region { get; }

    internal IdGenerator Ids { get; }

    /// <summary>Held for a whole call by the request pipeline (it is re-entrant).</summary>
    internal Lock Gate { get; } = new();

    internal DateTimeOffset Now => _clock.GetUtcNow();

    public IReadOnlyList<Ec2Vpc> Vpcs => Read(() => _vpcs.Values.ToList());

    public IReadOnlyList<Ec2Subnet> Subnets => Read(() => _subnets.Values.ToList());

    public IReadOnlyList<Ec2SecurityGroup> SecurityGroups => Read(() => _groups.Values.ToList());

    public IReadOnlyList<Ec2NetworkInterface> NetworkInterfaces => Read(() => _interfaces.Values.ToList());

    public IReadOnlyList<Ec2Instance> Instances => Read(() => _instances.Values.ToList());

    public IReadOnlyList<Ec2PrefixList> PrefixLists => Read(() => _prefixLists.Values.ToList());

    public IReadOnlyList<RdsDbInstance> DbInstances => Read(() => _dbInstances.Values.ToList());

    public Ec2SecurityGroup? FindSecurityGroup(string groupId) => Read(() => _groups.GetValueOrDefault(groupId));

    public Ec2NetworkInterface? FindNetworkInterface(string id) => Read(() => _interfaces.GetValueOrDefault(id));

    public Ec2Instance? FindInstance(string instanceId) => Read(() => _instances.GetValueOrDefault(instanceId));

    public Ec2PrefixList? FindPrefixList(string prefixListId) => Read(() => _prefixLists.GetValueOrDefault(prefixListId));

    /// <summary>RDS identifiers are case-insensitive: RDS stores them in lower case.</summary>
    public RdsDbInstance? FindDbInstance(string identifier) => Read(() => _dbInstances.GetValueOrDefault(identifier.ToLowerInvariant()));

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
            _vpcs.Add(vpc.VpcId, vpc);
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
            _subnets.Add(subnet.SubnetId, subnet);
            return subnet;
        }
    }

    /// <summary>The account's state as SgLambda reads it (what <c>sglambda render</c> takes as input).</summary>
    public AwsSnapshot ToSnapshot() => Read(() => new AwsSnapshot
    {
        Vpcs = [.. _vpcs.Values.Select(v => new Vpc { VpcId = v.VpcId, CidrBlock = v.CidrBlock })],
        SecurityGroups = [.. _groups.Values.Select(ToSnapshot)],
        SecurityGroupRules = [.. _groups.Values.SelectMany(g => g.Rules)],
        NetworkInterfaces = [.. _interfaces.Values.Select(ToSnapshot)],
        PrefixLists = [.. _prefixLists.Values.Select(p => new ManagedPrefixList
        {
            PrefixListId = p.PrefixListId,
            PrefixListName = p.PrefixListName,
            Entries = p.Entries,
        })],
        DbInstances = [.. _dbInstances.Values.Select(d => new DbInstance
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

    internal Ec2Vpc GetVpc(string vpcId) => _vpcs.GetValueOrDefault(vpcId) ?? throw Ec2Errors.VpcNotFound(vpcId);

    internal Ec2Subnet GetSubnet(string subnetId) =>
        _subnets.GetValueOrDefault(subnetId) ?? throw Ec2Errors.SubnetNotFound(subnetId);

    internal Ec2SecurityGroup GetSecurityGroup(string groupId) =>
        _groups.GetValueOrDefault(groupId) ?? throw Ec2Errors.GroupNotFound(groupId);

    internal Ec2NetworkInterface GetNetworkInterface(string id) =>
        _interfaces.GetValueOrDefault(id) ?? throw Ec2Errors.NetworkInterfaceNotFound(id);

    internal Ec2PrefixList GetPrefixList(string id) => _prefixLists.GetValueOrDefault(id) ?? throw Ec2Errors.PrefixListNotFound(id);

    internal Ec2Subnet FirstSubnetOf(string vpcId) =>
        _subnets.Values.FirstOrDefault(s => string.Equals(s.VpcId, vpcId, StringComparison.Ordinal))
        ?? throw Ec2Errors.InvalidParameterValue($"The VPC '{vpcId}' has no subnet");

    internal Ec2SecurityGroup? DefaultSecurityGroupOf(string vpcId) =>
        _groups.Values.FirstOrDefault(g => string.Equals(g.VpcId, vpcId, StringComparison.Ordinal)
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
        [.. _interfaces.Values
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

    internal string? GroupName(string groupId) => _groups.GetValueOrDefault(groupId)?.GroupName;

    internal AccountCheckpoint Checkpoint() => new(
        [.. _vpcs.Values], [.. _subnets.Values], [.. _groups.Values], [.. _interfaces.Values],
        [.. _instances.Values], [.. _prefixLists.Values], [.. _dbInstances.Values]);

    internal void Restore(AccountCheckpoint checkpoint)
    {
        Refill(_vpcs, checkpoint.Vpcs, v => v.VpcId);
        Refill(_subnets, checkpoint.Subnets, s => s.SubnetId);
        Refill(_groups, checkpoint.Groups, g => g.GroupId);
        Refill(_interfaces, checkpoint.Interfaces, e => e.NetworkInterfaceId);
        Refill(_instances, checkpoint.Instances, i => i.InstanceId);
        Refill(_prefixLists, checkpoint.PrefixLists, p => p.PrefixListId);
        Refill(_dbInstances, checkpoint.DbInstances, d => d.DbInstanceIdentifier);
    }

    private static void Refill<T>(OrderedDictionary<string, T> target, IReadOnlyList<T> items, Func<T, string> key)
    {
        target.Clear();
        foreach (var item in items) target.Add(key(item), item);
    }
}
