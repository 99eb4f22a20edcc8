using System.Globalization;
using SgLambda.Core.Aws;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// Draws SG rules of the shapes real accounts have: TCP/UDP single ports and ranges, all traffic, ICMP,
/// other protocols (ESP, GRE); peers that are IPv4 and IPv6 CIDRs, SGs nearby (teams reference their own
/// SGs), the SG itself, the cluster's SGs, SGs across a VPC peering, and managed prefix lists.
/// </summary>
internal sealed class SyntheticRuleGenerator(
    Random random, string ownerId, IReadOnlyList<ManagedPrefixList> prefixLists, IReadOnlyList<SyntheticPeer> peeredGroups)
{
    public const int MinimumRules = 3;
    public const int MaximumRules = 30;

    private const string AnyIpv4 = "0.0.0.0/0";
    private const string AnyIpv6 = "::/0";
    // An SG mostly references SGs created alongside it (the same team's tiers).
    private const int NeighbourWindow = 40;

    private static readonly int[] TcpPorts = [22, 80, 443, 443, 443, 1433, 2049, 3306, 3389, 5432, 5439, 6379, 8080, 8443, 9090, 9200, 9092, 11211, 27017];
    private static readonly (int From, int To)[] TcpRanges = [(1024, 65535), (8000, 8099), (30000, 32767), (0, 65535), (9000, 9100), (5000, 5010), (0, 1023)];
    private static readonly int[] UdpPorts = [53, 123, 161, 500, 514, 1812, 4500];
    private static readonly (int From, int To)[] UdpRanges = [(1024, 65535), (0, 65535), (33434, 33534)];
    private static readonly (int Type, int Code)[] IcmpTypes = [(-1, -1), (8, -1), (3, 4), (0, -1), (11, 0)];
    private static readonly string[] OtherProtocols = ["50", "47"];
    private static readonly string[] Purposes =
        ["app traffic", "health checks", "monitoring", "from load balancer", "bastion access", "database clients", "cache clients",
         "partner integration", "legacy service", "batch jobs", "metrics scraping", "service mesh"];

    /// <summary>The rules of a user SG: <see cref="MinimumRules"/> to <see cref="MaximumRules"/> of them, no two the same.</summary>
    /// <param name="groups">The SGs of the same VPC the rules may reference.</param>
    /// <param name="index">This SG's place in <paramref name="groups"/>.</param>
    /// <param name="clusterGroups">The cluster's SGs the rules may reference (pods, nodes); empty outside the cluster's VPC.</param>
    /// <param name="namesS3">Adds egress HTTPS to the S3 prefix list, so every account references a prefix list.</param>
    public List<SyntheticRule> UserRules(IReadOnlyList<string> groups, int index, IReadOnlyList<string> clusterGroups, bool namesS3)
    {
        var count = random.Next(MinimumRules, MaximumRules + 1);
        var rules = new List<SyntheticRule>();
        var seen = new HashSet<(bool, string, int?, int?, SyntheticPeerKind, string)>();
        void Add(SyntheticRule rule)
        {
            if (rules.Count < count && seen.Add(rule.Identity)) rules.Add(rule);
        }

        // Most SGs keep AWS's default egress rule (all traffic anywhere); the rest name their destinations.
        if (random.Chance(0.75))
        {
            Add(AllTraffic(egress: true, AnyIpv4));
            if (random.Chance(0.3)) Add(AllTraffic(egress: true, AnyIpv6));
        }
        else
        {
            var egress = random.Next(1, 5);
            for (var i = 0; i < egress && rules.Count < count - 1; i++) Add(Draw(egress: true, groups, index, clusterGroups));
        }
        if (namesS3) Add(new SyntheticRule(true, "tcp", 443, 443, new SyntheticPeer(SyntheticPeerKind.PrefixList, prefixLists[0].PrefixListId), "HTTPS to S3"));

        // Duplicates are redrawn; the bound only guards against a pathological draw.
        for (var attempt = 0; rules.Count < count && attempt < 100 * MaximumRules; attempt++)
            Add(Draw(egress: false, groups, index, clusterGroups));
        return rules;
    }

    /// <summary>The two internal SGs: each lets all traffic in from the other (SEMANTICS.md section 6).</summary>
    public List<SyntheticRule> InternalRules(string other) =>
        [AllTraffic(egress: false, Group(other)), AllTraffic(egress: true, AnyIpv4)];

    /// <summary>The pod-default SG as the integration created it: egress anywhere, ingress from itself, nodes and control plane.</summary>
    public List<SyntheticRule> PodDefaultRules(SyntheticClusterGroups cluster) =>
    [
        AllTraffic(egress: false, Group(cluster.PodDefault)),
        AllTraffic(egress: false, Group(cluster.Node)),
        AllTraffic(egress: false, Group(cluster.ControlPlane)),
        AllTraffic(egress: true, AnyIpv4),
        AllTraffic(egress: true, AnyIpv6),
    ];

    /// <summary>A node group SG as eksctl and the EKS console create them.</summary>
    public List<SyntheticRule> NodeRules(SyntheticClusterGroups cluster) =>
    [
        AllTraffic(egress: false, Group(cluster.Node)),
        Tcp(443, 443, Group(cluster.ControlPlane), "control plane to webhooks"),
        Tcp(10250, 10250, Group(cluster.ControlPlane), "kubelet API"),
        Tcp(1025, 65535, Group(cluster.ControlPlane), "control plane to extension API servers"),
        Tcp(53, 53, Group(cluster.PodDefault), "DNS from pods"),
        Udp(53, 53, Group(cluster.PodDefault), "DNS from pods"),
        Tcp(22, 22, new SyntheticPeer(SyntheticPeerKind.Ipv4Cidr, "172.16.0.0/12"), "SSH from corporate network"),
        AllTraffic(egress: true, AnyIpv4),
        AllTraffic(egress: true, AnyIpv6),
    ];

    /// <summary>The EKS cluster SG: the control plane's ENIs.</summary>
    public List<SyntheticRule> ControlPlaneRules(SyntheticClusterGroups cluster) =>
    [
        AllTraffic(egress: false, Group(cluster.ControlPlane)),
        Tcp(443, 443, Group(cluster.Node), "nodes to the API server"),
        Tcp(443, 443, Group(cluster.PodDefault), "pods to the API server"),
        AllTraffic(egress: true, AnyIpv4),
    ];

    private SyntheticRule Draw(bool egress, IReadOnlyList<string> groups, int index, IReadOnlyList<string> clusterGroups)
    {
        var peer = DrawPeer(egress, groups, index, clusterGroups);
        var description = random.Chance(0.4) ? Description() : null;
        var roll = random.NextDouble();
        if (roll < 0.42)
        {
            var port = random.Pick(TcpPorts);
            return new SyntheticRule(egress, "tcp", port, port, peer, description);
        }
        if (roll < 0.54)
        {
            var (from, to) = random.Pick(TcpRanges);
            return new SyntheticRule(egress, "tcp", from, to, peer, description);
        }
        if (roll < 0.62)
        {
            var port = random.Pick(UdpPorts);
            return new SyntheticRule(egress, "udp", port, port, peer, description);
        }
        if (roll < 0.66)
        {
            var (from, to) = random.Pick(UdpRanges);
            return new SyntheticRule(egress, "udp", from, to, peer, description);
        }
        if (roll < 0.78) return new SyntheticRule(egress, "-1", null, null, peer, description);
        if (roll < 0.84)
        {
            var (type, code) = random.Pick(IcmpTypes);
            // ICMP only reaches IPv4 peers and ICMPv6 only IPv6 ones; AWS rules keep to that.
            var protocol = peer.Kind == SyntheticPeerKind.Ipv6Cidr ? "icmpv6" : "icmp";
            return new SyntheticRule(egress, protocol, type, code, peer, description);
        }
        if (roll < 0.86) return new SyntheticRule(egress, random.Pick(OtherProtocols), null, null, peer, description);
        // An application's own port.
        var appPort = random.Next(1024, 65536);
        return new SyntheticRule(egress, "tcp", appPort, appPort, peer, description);
    }

    private SyntheticPeer DrawPeer(bool egress, IReadOnlyList<string> groups, int index, IReadOnlyList<string> clusterGroups)
    {
        var roll = random.NextDouble();
        var groupShare = egress ? 0.40 : 0.45;
        if (roll < groupShare) return DrawGroup(groups, index, clusterGroups);
        if (roll < groupShare + 0.35) return new SyntheticPeer(SyntheticPeerKind.Ipv4Cidr, Ipv4Cidr(egress));
        if (roll < groupShare + 0.45) return new SyntheticPeer(SyntheticPeerKind.Ipv6Cidr, Ipv6Cidr());
        return new SyntheticPeer(SyntheticPeerKind.PrefixList, random.Pick(prefixLists).PrefixListId);
    }

    private SyntheticPeer DrawGroup(IReadOnlyList<string> groups, int index, IReadOnlyList<string> clusterGroups)
    {
        var roll = random.NextDouble();
        if (roll < 0.12) return Group(groups[index]);
        if (roll < 0.20 && clusterGroups.Count > 0) return Group(random.Pick(clusterGroups));
        if (roll < 0.23 && peeredGroups.Count > 0) return random.Pick(peeredGroups);
        if (roll < 0.40) return Group(groups[random.Next(groups.Count)]);
        var low = Math.Max(0, index - NeighbourWindow);
        var high = Math.Min(groups.Count, index + NeighbourWindow + 1);
        return Group(groups[random.Next(low, high)]);
    }

    private string Ipv4Cidr(bool egress)
    {
        var roll = random.NextDouble();
        if (roll < (egress ? 0.35 : 0.10)) return AnyIpv4;
        if (roll < 0.20) return SyntheticAddressPool.VpcCidr;
        if (roll < 0.45) return string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(4)}.{random.Next(256)}.0/24");
        if (roll < 0.60) return string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(4)}.{random.Next(256)}.{random.Next(4, 255)}/32");
        if (roll < 0.62) return SyntheticAddressPool.DnsResolver + "/32";
        if (roll < 0.80) return string.Create(CultureInfo.InvariantCulture, $"172.{16 + random.Next(16)}.{random.Next(16) * 16}.0/20");
        return string.Create(CultureInfo.InvariantCulture, $"198.{18 + random.Next(2)}.{random.Next(256)}.{random.Next(1, 255)}/32");
    }

    private string Ipv6Cidr()
    {
        var roll = random.NextDouble();
        if (roll < 0.4) return AnyIpv6;
        if (roll < 0.7) return SyntheticAddressPool.VpcIpv6Cidr;
        return string.Create(CultureInfo.InvariantCulture, $"2600:1f18:4a3:6b0{random.Next(3)}::/64");
    }

    private string Description() =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Pick(Purposes)} (OPS-{random.Next(100, 10000)})");

    private SyntheticPeer Group(string groupId) => new(SyntheticPeerKind.SecurityGroup, groupId, ownerId);

    private static SyntheticRule AllTraffic(bool egress, string cidr) =>
        AllTraffic(egress, new SyntheticPeer(cidr.Contains(':', StringComparison.Ordinal) ? SyntheticPeerKind.Ipv6Cidr : SyntheticPeerKind.Ipv4Cidr, cidr));

    private static SyntheticRule AllTraffic(bool egress, SyntheticPeer peer) => new(egress, "-1", null, null, peer, null);

    private static SyntheticRule Tcp(int from, int to, SyntheticPeer peer, string description) => new(false, "tcp", from, to, peer, description);

    private static SyntheticRule Udp(int from, int to, SyntheticPeer peer, string description) => new(false, "udp", from, to, peer, description);
}
