using System.Globalization;
using System.Runtime.InteropServices;
using SgLambda.Core.Aws;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// The ENIs of the synthetic VPC, the Kubernetes Nodes and the RDS instances: cluster nodes first (primary ENI with the
/// enforced SG and the VPC CNI's warm secondary IPs, VPC CNI secondary ENIs, some trunk and branch ENIs),
/// then VPC members of every kind in a realistic mix. Most members also carry the trust SG, as they do
/// once SgLambda has attached it.
/// </summary>
internal sealed class SyntheticNetworkInterfaceGenerator(
    Random random,
    SyntheticIds ids,
    SyntheticAddressPool addresses,
    SyntheticAccountIdentity account,
    SyntheticClusterGroups cluster,
    IReadOnlyList<string> userGroups,
    IReadOnlyList<string> otherVpcGroups,
    IReadOnlyDictionary<string, string> groupNames)
{
    /// <summary>Tag the Amazon VPC CNI puts on the ENIs it creates for pods.</summary>
    public const string VpcCniInstanceTag = "node.k8s.amazonaws.com/instance_id";
    public const string VpcCniClusterTag = "cluster.k8s.amazonaws.com/name";

    // Share of each SyntheticEniKind among VPC members, in enum order.
    private static readonly double[] KindWeights = [48, 9, 8, 3, 12, 9, 1.5, 0.3, 4, 5];
    private static readonly string[] Services =
        ["orders", "payments", "search", "catalog", "checkout", "identity", "billing", "reports", "ingest", "notify", "ledger", "media"];

    public List<NetworkInterface> Interfaces { get; } = [];
    public List<KubernetesNode> Nodes { get; } = [];
    /// <summary>The RDS instance behind each RDS ENI.</summary>
    public List<DbInstance> DbInstances { get; } = [];

    public void Generate(int count)
    {
        // A few hundred nodes in a large account; nodes and their ENIs take at most a quarter of the ENIs.
        var nodeBudget = Math.Max(1, count / 4);
        var nodeCount = Math.Max(1, count / 50);
        for (var node = 0; node < nodeCount && Interfaces.Count < nodeBudget; node++) AddNode(node, nodeBudget);

        // Every kind of member once while there is room, then the mix.
        foreach (var kind in Enum.GetValues<SyntheticEniKind>())
        {
            if (Interfaces.Count < count && IsAvailable(kind)) AddMember(kind, count);
        }
        while (Interfaces.Count < count)
        {
            var kind = (SyntheticEniKind)random.Weighted(KindWeights);
            if (IsAvailable(kind)) AddMember(kind, count);
        }
        // DescribeNetworkInterfaces returns no particular order; neither does the snapshot.
        random.Shuffle(CollectionsMarshal.AsSpan(Interfaces));
    }

    private bool IsAvailable(SyntheticEniKind kind) => kind != SyntheticEniKind.OtherVpc || otherVpcGroups.Count > 0;

    private void AddNode(int index, int budget)
    {
        var zone = index % SyntheticAddressPool.Zones.Count;
        var instance = ids.Next("i");
        string[] groups = [cluster.Enforced, cluster.Node, cluster.ControlPlane];
        // The VPC CNI keeps warm secondary IPs on the primary ENI for pods.
        var primary = Interface(zone, 1 + random.Next(4, 15), groups, ipv6: random.Chance(0.2)) with
        {
            Description = "",
            Attachment = Attached(instance, deviceIndex: 0),
        };
        Interfaces.Add(primary);

        // Most nodes have registered; one in twenty (the second node of any cluster among them) was just
        // launched, and only its enforced SG says it is a node.
        if (index % 20 != 1)
        {
            // Some node groups name nodes after the instance (EC2 "resource name" hostnames).
            var name = index % 10 == 7 ? instance + ".ec2.internal" : primary.PrivateDnsName!;
            Nodes.Add(new KubernetesNode(name, instance));
        }

        var deviceIndex = 1;
        for (var i = random.Next(0, 3); i > 0 && Interfaces.Count < budget; i--)
        {
            Interfaces.Add(Interface(zone, random.Next(5, 15), groups, ipv6: false) with
            {
                Description = "aws-K8S-" + instance,
                Attachment = Attached(instance, deviceIndex++),
                TagSet = [new Tag { Key = VpcCniInstanceTag, Value = instance }, new Tag { Key = VpcCniClusterTag, Value = account.ClusterName }],
            });
        }

        // Security groups for pods: a trunk ENI on the node and branch ENIs carrying the pods' own SGs.
        if (index % 8 == 3 && Interfaces.Count < budget)
        {
            Interfaces.Add(Interface(zone, 1, groups, ipv6: false) with
            {
                InterfaceType = "trunk",
                Description = "trunk-eni",
                Attachment = Attached(instance, deviceIndex),
            });
            for (var i = random.Next(1, 5); i > 0 && Interfaces.Count < budget; i--)
            {
                Interfaces.Add(Interface(zone, 1, UserGroups(2), ipv6: false) with
                {
                    InterfaceType = "branch",
                    Description = "aws-k8s-branch-eni",
                    TagSet = [new Tag { Key = "vpcresources.k8s.aws/trunk-eni-id", Value = instance }],
                });
            }
        }
    }

    private void AddMember(SyntheticEniKind kind, int count)
    {
        var zone = random.Next(SyntheticAddressPool.Zones.Count);
        var service = string.Create(CultureInfo.InvariantCulture, $"{random.Pick(Services)}-{random.Next(1, 100):D2}");
        switch (kind)
        {
            case SyntheticEniKind.Ec2Instance:
                var instance = ids.Next("i");
                var secondaryIps = random.Chance(0.1) ? random.Next(1, 3) : 0;
                Interfaces.Add(Interface(zone, 1 + secondaryIps, Members(UserGroups(3)), ipv6: random.Chance(0.15)) with
                {
                    Description = "",
                    Attachment = Attached(instance, deviceIndex: 0),
                });
                if (random.Chance(0.12) && Interfaces.Count < count)
                {
                    Interfaces.Add(Interface(zone, 1, Members(UserGroups(2)), ipv6: false) with
                    {
                        Description = service + " data interface",
                        Attachment = Attached(instance, deviceIndex: 1),
                    });
                }
                break;
            case SyntheticEniKind.Rds:
                var database = Managed(zone, Members(UserGroups(2)), "RDSNetworkInterface", "amazon-rds");
                Interfaces.Add(database);
                // DescribeDBInstances names the same SGs as the instance's ENI.
                DbInstances.Add(new DbInstance
                {
                    DBInstanceIdentifier = string.Create(CultureInfo.InvariantCulture, $"{service}-db-{DbInstances.Count + 1}"),
                    DBInstanceStatus = "available",
                    VpcId = account.VpcId,
                    VpcSecurityGroupIds = [.. database.Groups.Select(g => g.GroupId)],
                });
                break;
            case SyntheticEniKind.LoadBalancer:
                Interfaces.Add(Managed(zone, Members(UserGroups(2)), $"ELB app/{service}/{ids.Hex(16)}", "amazon-elb"));
                break;
            case SyntheticEniKind.NetworkLoadBalancer:
                // Network Load Balancers created before SG support have no SG at all.
                var nlbGroups = random.Chance(0.6) ? [] : Members(UserGroups(1));
                Interfaces.Add(Managed(zone, nlbGroups, $"ELB net/{service}/{ids.Hex(16)}", "amazon-elb") with { InterfaceType = "network_load_balancer" });
                break;
            case SyntheticEniKind.Lambda:
                Interfaces.Add(Managed(zone, Members(UserGroups(2)), $"AWS Lambda VPC ENI-{service}-{Guid(ids)}", $"AROA{ids.Hex(16).ToUpperInvariant()}:{service}")
                    with { InterfaceType = "lambda", Attachment = null });
                break;
            case SyntheticEniKind.VpcEndpoint:
                Interfaces.Add(Managed(zone, Members(UserGroups(1)), "VPC Endpoint Interface " + ids.Next("vpce"), SyntheticAccountIdentity.AwsServiceAccount)
                    with { InterfaceType = "vpc_endpoint", Attachment = null });
                break;
            case SyntheticEniKind.NatGateway:
                Interfaces.Add(Managed(zone, [], "Interface for NAT Gateway " + ids.Next("nat"), SyntheticAccountIdentity.AwsServiceAccount)
                    with { InterfaceType = "nat_gateway", Attachment = null });
                break;
            case SyntheticEniKind.EksControlPlane:
                Interfaces.Add(Managed(zone, [cluster.ControlPlane], "Amazon EKS " + account.ClusterName, SyntheticAccountIdentity.AwsServiceAccount));
                break;
            case SyntheticEniKind.Unattached:
                Interfaces.Add(Interface(zone, 1, Members(UserGroups(1)), ipv6: false) with { Description = service + " spare", Status = "available" });
                break;
            case SyntheticEniKind.OtherVpc:
                Interfaces.Add(Interface(zone, 1, [random.Pick(otherVpcGroups)], ipv6: false) with
                {
                    VpcId = account.OtherVpcId,
                    Description = "",
                    Attachment = Attached(ids.Next("i"), deviceIndex: 0),
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown ENI kind");
        }
    }

    /// <summary>1 to <paramref name="max"/> distinct user SGs, popular ones more often.</summary>
    private List<string> UserGroups(int max)
    {
        var wanted = random.Next(1, max + 1);
        var picked = new List<string>(wanted);
        for (var attempt = 0; picked.Count < wanted && attempt < 10 * max; attempt++)
        {
            var group = userGroups[random.Skewed(userGroups.Count)];
            if (!picked.Contains(group, StringComparer.Ordinal)) picked.Add(group);
        }
        return picked;
    }

    /// <summary>A VPC member's SGs: its own, plus the trust SG once SgLambda has attached it (most have).</summary>
    private List<string> Members(List<string> groups)
    {
        if (random.Chance(0.9)) groups.Add(cluster.Trust);
        return groups;
    }

    private NetworkInterface Managed(int zone, IReadOnlyList<string> groups, string description, string requester) =>
        Interface(zone, 1, groups, ipv6: false) with
        {
            Description = description,
            RequesterId = requester,
            RequesterManaged = true,
            Attachment = new NetworkInterfaceAttachment
            {
                AttachmentId = ids.Next("ela-attach"),
                InstanceOwnerId = requester,
                DeviceIndex = 1,
                NetworkCardIndex = 0,
                Status = "attached",
            },
        };

    private NetworkInterface Interface(int zone, int ipCount, IReadOnlyList<string> groups, bool ipv6)
    {
        var ips = addresses.Ipv4(zone, ipCount, out var subnet);
        var dnsName = SyntheticAddressPool.DnsName(ips[0]);
        return new NetworkInterface
        {
            NetworkInterfaceId = ids.Next("eni"),
            VpcId = account.VpcId,
            SubnetId = subnet,
            AvailabilityZone = SyntheticAddressPool.Zones[zone],
            InterfaceType = "interface",
            Status = "in-use",
            RequesterManaged = false,
            PrivateDnsName = dnsName,
            PrivateIpAddress = ips[0],
            Groups = [.. groups.Select(g => new GroupIdentifier { GroupId = g, GroupName = groupNames.GetValueOrDefault(g) })],
            PrivateIpAddresses = [.. ips.Select((ip, i) => new NetworkInterfacePrivateIpAddress
            {
                PrivateIpAddress = ip,
                Primary = i == 0,
                PrivateDnsName = SyntheticAddressPool.DnsName(ip),
            })],
            Ipv6Addresses = ipv6 ? [new NetworkInterfaceIpv6Address { Ipv6Address = addresses.Ipv6(zone), IsPrimaryIpv6 = false }] : [],
        };
    }

    private NetworkInterfaceAttachment Attached(string instance, int deviceIndex) => new()
    {
        AttachmentId = ids.Next("eni-attach"),
        InstanceId = instance,
        InstanceOwnerId = account.OwnerId,
        DeviceIndex = deviceIndex,
        NetworkCardIndex = 0,
        Status = "attached",
    };

    private static string Guid(SyntheticIds ids) =>
        $"{ids.Hex(8)}-{ids.Hex(4)}-{ids.Hex(4)}-{ids.Hex(4)}-{ids.Hex(12)}";
}
