using System.Globalization;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.TestSupport.Properties;

/// <summary>
/// Random adversarial topologies: a VPC, 1-8 SGs with rules of every shape (all traffic, port ranges,
/// ICMP wildcards, bare protocol numbers; CIDR, SG, self, internal, unknown and prefix-list peers),
/// VPC members with several addresses or no SG, cluster nodes with secondary addresses and ENIs,
/// ENIs that get no HostEndpoint, pods labelled as the webhook labels them (some forging
/// <c>sglambda.io/*</c> labels), and flows between all of them.
/// </summary>
public static class TopologyGenerator
{
    public const string VpcId = "vpc-1";
    public const string OtherVpcId = "vpc-2";
    public const string TrustGroup = "sg-trust";
    public const string EnforcedGroup = "sg-enf";
    public const string UnknownGroup = "sg-404";
    public const string OtherVpcGroup = "sg-far";
    public const int FlowsPerTopology = 40;

    private const string V6 = "2600:1f18:aa:bb";
    private static readonly string[] PrefixListIds = ["pl-1", "pl-2", "pl-404"];

    private static readonly (string Key, string Value)[] ForgedLabels =
    [
        (LabelKeys.SgGoverned, "true"),
        (LabelKeys.EndpointKind, EndpointKinds.ClusterNode),
        (LabelKeys.EndpointKind, EndpointKinds.VpcMember),
        (LabelKeys.ManagedBy, LabelKeys.ManagedByValue),
        (LabelKeys.PrefixList, "pl-1"),
        (LabelKeys.EniId, "eni-m0"),
        (LabelSelector.NamespaceLabel, "kube-system"),
    ];

    public static Arbitrary<Topology> Arbitrary() => Arb.From(Topologies(), Shrink);

    public static Gen<Topology> Topologies() =>
        from prefix in Gen.Elements("10.0", "172.31")
        from groupCount in Gen.Choose(1, 8)
        let groupIds = Enumerable.Range(1, groupCount).Select(i => $"sg-{i}").ToArray()
        from config in Config(groupIds)
        from nodeCount in Gen.Choose(0, 3)
        from nodes in Gen.CollectToList(Enumerable.Range(0, nodeCount), j => Node(j, prefix, groupIds))
        from memberCount in Gen.Choose(0, 5)
        from members in Gen.CollectToList(Enumerable.Range(0, memberCount), i => Member(i, prefix, groupIds))
        from otherCount in Gen.Choose(0, 3)
        from others in Gen.CollectToList(Enumerable.Range(0, otherCount), i => WithoutHostEndpoint(i, prefix, groupIds))
        let nodeEnis = nodes.SelectMany(node => node.Enis).ToList()
        from pods in Pods(PodAddressPool(nodeEnis), groupIds, config)
        let enis = nodeEnis.Concat(members).Concat(others).ToList()
        let book = Book(prefix, nodeEnis, members, others, pods)
        let hosts = book.Nodes.Concat(book.Members).Concat(book.Pods).Select(Host).ToArray()
        from prefixLists in PrefixLists(prefix, hosts)
        from groups in Gen.CollectToList(groupIds, id => Group(id, groupIds, prefix, hosts))
        from flows in FlowBetweenRoles(book).ListOf(FlowsPerTopology)
        select new Topology(
            new AwsSnapshot
            {
                Vpcs = [new Vpc { VpcId = VpcId, CidrBlock = $"{prefix}.0.0/16" }],
                SecurityGroups = [.. groups, .. InternalAndForeignGroups()],
                NetworkInterfaces = enis,
                PrefixLists = prefixLists,
                Nodes = [.. nodes.Select(node => node.Node).OfType<KubernetesNode>()],
            },
            config,
            pods,
            [.. flows]);

    /// <summary>Smaller topologies that may still fail: one flow, then fewer pods, ENIs, rules, peers, groups.</summary>
    public static IEnumerable<Topology> Shrink(Topology topology)
    {
        if (topology.Flows.Count > 1)
        {
            foreach (var flow in topology.Flows) yield return topology with { Flows = [flow] };
        }
        var snapshot = topology.Snapshot;
        for (var i = 0; i < topology.Pods.Count; i++) yield return topology with { Pods = Without(topology.Pods, i) };
        for (var i = 0; i < snapshot.NetworkInterfaces.Count; i++)
        {
            yield return topology with { Snapshot = snapshot with { NetworkInterfaces = Without(snapshot.NetworkInterfaces, i) } };
        }
        for (var i = 0; i < snapshot.Nodes.Count; i++) yield return topology with { Snapshot = snapshot with { Nodes = Without(snapshot.Nodes, i) } };
        for (var i = 0; i < snapshot.PrefixLists.Count; i++)
        {
            yield return topology with { Snapshot = snapshot with { PrefixLists = Without(snapshot.PrefixLists, i) } };
        }
        for (var g = 0; g < snapshot.SecurityGroups.Count; g++)
        {
            var group = snapshot.SecurityGroups[g];
            Topology WithGroup(SecurityGroup changed) =>
                topology with { Snapshot = snapshot with { SecurityGroups = [.. snapshot.SecurityGroups.Select((s, k) => k == g ? changed : s)] } };
            for (var r = 0; r < group.IpPermissions.Count; r++) yield return WithGroup(group with { IpPermissions = Without(group.IpPermissions, r) });
            for (var r = 0; r < group.IpPermissionsEgress.Count; r++) yield return WithGroup(group with { IpPermissionsEgress = Without(group.IpPermissionsEgress, r) });
            for (var r = 0; r < group.IpPermissions.Count; r++)
            {
                foreach (var fewer in FewerPeers(group.IpPermissions[r])) yield return WithGroup(group with { IpPermissions = Replace(group.IpPermissions, r, fewer) });
            }
            for (var r = 0; r < group.IpPermissionsEgress.Count; r++)
            {
                foreach (var fewer in FewerPeers(group.IpPermissionsEgress[r])) yield return WithGroup(group with { IpPermissionsEgress = Replace(group.IpPermissionsEgress, r, fewer) });
            }
        }
        // An ENI's groups always exist in its VPC (AWS enforces it), so only groups no ENI uses may go.
        var inUse = snapshot.NetworkInterfaces.SelectMany(eni => eni.Groups).Select(group => group.GroupId).ToHashSet(StringComparer.Ordinal);
        for (var g = 0; g < snapshot.SecurityGroups.Count; g++)
        {
            if (inUse.Contains(snapshot.SecurityGroups[g].GroupId)) continue;
            yield return topology with { Snapshot = snapshot with { SecurityGroups = Without(snapshot.SecurityGroups, g) } };
        }
    }

    private static Gen<SgLambdaConfig> Config(string[] groupIds) =>
        from podGroup in Gen.Frequency((6, Gen.Elements(groupIds).Select(id => (string?)id)), (1, Gen.Constant((string?)null)))
        from nodeGroups in Gen.SubListOf(groupIds)
        from metadata in Gen.Elements(MetadataAccess.Denied, MetadataAccess.Allowed)
        from enforceNodes in Gen.Elements(true, false)
        from apiGroup in Gen.Elements(CalicoApiGroups.ProjectCalicoV3, CalicoApiGroups.CrdProjectCalicoV1)
        from exempt in Gen.Elements<IReadOnlyList<string>>(SgLambdaConfig.DefaultExemptNamespaces, ["kube-system", "ops"], [])
        select new SgLambdaConfig
        {
            ExemptNamespaces = exempt,
            VpcId = VpcId,
            ClusterName = "prop",
            PodSecurityGroupId = podGroup,
            NodeSecurityGroupIds = [.. nodeGroups],
            TrustSecurityGroupId = TrustGroup,
            EnforcedSecurityGroupId = EnforcedGroup,
            DefaultPodMetadataAccess = metadata,
            EnforceNodes = enforceNodes,
            CalicoApiGroup = apiGroup,
        };

    /// <summary>
    /// A node: registered as a Kubernetes Node (maybe under another name than its DNS name), or only
    /// recognisable by the enforced SG on its primary ENI; secondary addresses (pod addresses) and
    /// maybe a secondary ENI, plain or marked by the VPC CNI.
    /// </summary>
    private static Gen<(List<NetworkInterface> Enis, KubernetesNode? Node)> Node(int j, string prefix, string[] groupIds) =>
        from registered in Chance(75)
        from enforcedGroup in registered ? Chance(60) : Gen.Constant(true)
        from groups in Gen.SubListOf(groupIds)
        from secondaries in Gen.Choose(0, 3)
        from ipv6 in Chance(40)
        from ipv6Secondaries in Gen.Choose(0, 2)
        from secondaryEni in Gen.Elements("none", "none", "plain", "cni-tag", "cni-description")
        from renamed in Chance(20)
        select BuildNode(j, prefix, registered, enforcedGroup, [.. groups], secondaries, ipv6 ? 1 + ipv6Secondaries : 0, secondaryEni, renamed);

    private static (List<NetworkInterface>, KubernetesNode?) BuildNode(
        int j, string prefix, bool registered, bool enforcedGroup, string[] groups, int secondaries, int ipv6Count, string secondaryEni, bool renamed)
    {
        var instance = $"i-n{j}";
        var v4 = Enumerable.Range(0, 1 + secondaries).Select(k => $"{prefix}.3.{10 + (j * 16) + k}").ToArray();
        var v6 = Enumerable.Range(0, ipv6Count).Select(k => $"{V6}03::{Hex((j * 16) + k + 1)}").ToArray();
        var dnsName = $"ip-{prefix.Replace('.', '-')}-3-{10 + (j * 16)}.ec2.internal";
        var primaryGroups = enforcedGroup ? [.. groups, EnforcedGroup] : groups;
        var enis = new List<NetworkInterface>
        {
            Eni($"eni-n{j}", primaryGroups, v4, v6, "interface", instance, 0) with { PrivateDnsName = dnsName },
        };
        if (secondaryEni != "none")
        {
            var addresses = Enumerable.Range(0, 3).Select(k => $"{prefix}.4.{10 + (j * 16) + k}").ToArray();
            var eni = Eni($"eni-n{j}s", primaryGroups, addresses, [], "interface", instance, 1);
            enis.Add(secondaryEni switch
            {
                "cni-tag" => eni with { TagSet = [new Tag { Key = AwsEvaluator.VpcCniInstanceTag, Value = instance }] },
                "cni-description" => eni with { Description = $"{AwsEvaluator.VpcCniDescriptionPrefix}{instance}" },
                _ => eni,
            });
        }
        return (enis, registered ? new KubernetesNode(renamed ? $"worker-{j}" : dnsName, instance) : null);
    }

    /// <summary>A VPC member: any resource type, one to three IPv4 and maybe IPv6 addresses, SGs of every shape.</summary>
    private static Gen<NetworkInterface> Member(int i, string prefix, string[] groupIds) =>
        from type in Gen.Elements("interface", "interface", "interface", "nat_gateway", "vpc_endpoint", "lambda", "network_load_balancer")
        from groups in MemberGroups(groupIds)
        from v4Count in Gen.Choose(1, 3)
        from v6Count in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from attached in Chance(40)
        select Eni(
            $"eni-m{i}",
            groups,
            [.. Enumerable.Range(0, v4Count).Select(k => $"{prefix}.2.{10 + (i * 8) + k}")],
            [.. Enumerable.Range(0, v6Count).Select(k => $"{V6}02::{Hex((i * 8) + k + 1)}")],
            type,
            attached ? $"i-m{i}" : null,
            0);

    private static Gen<string[]> MemberGroups(string[] groupIds) =>
        Gen.Frequency(
            (6, NonEmptySubset(groupIds)),
            (1, Gen.Constant(Array.Empty<string>())),
            (1, Gen.Constant(new[] { TrustGroup })),
            (2, NonEmptySubset(groupIds).Select(ids => ids.Append(TrustGroup).ToArray())));

    /// <summary>ENIs that get no HostEndpoint: branch and trunk ENIs, VPC CNI secondary ENIs, ENIs of another VPC.</summary>
    private static Gen<NetworkInterface> WithoutHostEndpoint(int i, string prefix, string[] groupIds) =>
        from kind in Gen.Elements("branch", "trunk", "cni-tag", "cni-description", "other-vpc")
        from groups in NonEmptySubset(groupIds)
        select kind switch
        {
            "branch" or "trunk" => Eni($"eni-x{i}", groups, [$"{prefix}.5.{10 + i}"], [], kind, null, 0),
            "cni-tag" => Eni($"eni-x{i}", groups, [$"{prefix}.5.{10 + i}"], [], "interface", $"i-x{i}", 1)
                with { TagSet = [new Tag { Key = AwsEvaluator.VpcCniInstanceTag, Value = $"i-x{i}" }] },
            "cni-description" => Eni($"eni-x{i}", groups, [$"{prefix}.5.{10 + i}"], [], "interface", $"i-x{i}", 1)
                with { Description = $"{AwsEvaluator.VpcCniDescriptionPrefix}i-x{i}" },
            _ => Eni($"eni-x{i}", [OtherVpcGroup], [$"10.99.0.{10 + i}"], [], "interface", null, 0) with { VpcId = OtherVpcId },
        };

    /// <summary>Node secondary addresses (as the VPC CNI hands out) and overlay addresses.</summary>
    private static List<string> PodAddressPool(List<NetworkInterface> nodeEnis) =>
    [
        .. nodeEnis.SelectMany(eni => eni.PrivateIpAddresses.Where(a => !a.Primary).Select(a => a.PrivateIpAddress)),
        .. nodeEnis.Where(eni => eni.Attachment?.DeviceIndex != 0).SelectMany(eni => eni.PrivateIpAddresses.Where(a => a.Primary).Select(a => a.PrivateIpAddress)),
        .. nodeEnis.SelectMany(eni => eni.Ipv6Addresses.Where(a => a.IsPrimaryIpv6 != true).Select(a => a.Ipv6Address)),
        .. Enumerable.Range(0, 6).Select(k => $"192.168.0.{10 + k}"),
        .. Enumerable.Range(0, 3).Select(k => $"fd77::{Hex(k + 1)}"),
    ];

    private static Gen<List<Pod>> Pods(List<string> pool, string[] groupIds, SgLambdaConfig config) =>
        from count in Gen.Choose(1, 6)
        from addresses in Gen.Shuffle(pool.ToArray())
        from pods in Gen.CollectToList(addresses.Take(count).Select((address, k) => (address, k)), p =>
            Gen.Frequency((3, Pod(p.k, p.address, groupIds, config)), (1, ExemptPod(p.k, p.address, groupIds, config))))
        select pods;

    /// <summary>
    /// A pod of a namespace the webhook does not see (SEMANTICS.md section 3): nobody vetted its labels,
    /// so it may carry any SG label (forged), of the VPC's SGs or not. Or a pod of a namespace that is
    /// exempt only in other configurations: its labels are any subset of the VPC's SGs (what the webhook
    /// may leave behind when it fails open and the in-API-server policy checks the claim).
    /// </summary>
    private static Gen<Pod> ExemptPod(int k, string address, string[] groupIds, SgLambdaConfig config) =>
        from ns in Gen.Elements(ExemptNamespaceChoices)
        from forged in Gen.SubListOf(config.IsExemptNamespace(ns) ? [.. groupIds, UnknownGroup, TrustGroup] : groupIds)
        select new Pod(ns, $"pod-{k}", IPAddress.Parse(address), forged
            .Select(id => KeyValuePair.Create(LabelKeys.SecurityGroup(id), ""))
            .Append(KeyValuePair.Create("app", $"app-{k % 2}"))
            .ToDictionary(StringComparer.Ordinal));

    /// <summary>Namespaces exempt in some generated configurations and not in others.</summary>
    private static readonly string[] ExemptNamespaceChoices = ["kube-system", "calico-system", "ops"];

    /// <summary>Labels as the admission webhook writes them (SEMANTICS.md section 3), plus user labels, some forged.</summary>
    private static Gen<Pod> Pod(int k, string address, string[] groupIds, SgLambdaConfig config) =>
        from ns in Gen.Elements("default", "prod")
        from annotation in Gen.SubListOf([.. groupIds, UnknownGroup, OtherVpcGroup, TrustGroup])
        // Besides the documented "true" and "false" (and no label), values users mistype: only "true" allows.
        from metadata in Gen.Elements<string?>(null, null, "true", "false", "True", "", "yes")
        from forged in Gen.Frequency((3, Gen.Constant(Array.Empty<(string, string)>())), (1, Gen.SubListOf(ForgedLabels).Select(labels => labels.ToArray())))
        select BuildPod(k, ns, address, [.. annotation], metadata, forged, groupIds, config);

    private static Pod BuildPod(
        int k, string ns, string address, string[] annotation, string? metadata, (string Key, string Value)[] forged, string[] groupIds, SgLambdaConfig config)
    {
        // As the webhook labels: every SG the annotation claims (it cannot tell the VPC's SGs from others, so an SG
        // of a peered VPC or one that does not exist gets its label too), else the node SGs; internal SGs are refused.
        var valid = annotation.Where(id => id != TrustGroup).ToList();
        IEnumerable<string> membership = valid.Count > 0 ? valid : config.NodeSecurityGroupIds;
        if (config.PodSecurityGroupId is { } podGroup) membership = membership.Append(podGroup);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = $"app-{k % 2}" };
        foreach (var (key, value) in forged) labels[key] = value;
        foreach (var group in membership) labels[LabelKeys.SecurityGroup(group)] = "";
        if (metadata is not null) labels[LabelKeys.AllowMetadataAccess] = metadata;
        return new Pod(ns, $"pod-{k}", IPAddress.Parse(address), labels);
    }

    private static AddressBook Book(string prefix, List<NetworkInterface> nodeEnis, List<NetworkInterface> members, List<NetworkInterface> others, List<Pod> pods)
    {
        var podAddresses = pods.Select(pod => pod.Ip.ToString()).ToList();
        var nodePrimaries = nodeEnis.Where(eni => eni.Attachment?.DeviceIndex == 0)
            .SelectMany(eni => new[] { eni.PrivateIpAddress, eni.Ipv6Address })
            .OfType<string>()
            .ToList();
        var unusedNodeAddresses = nodeEnis.SelectMany(AddressesOf).Except(nodePrimaries).Except(podAddresses);
        return new AddressBook(
            podAddresses,
            nodePrimaries,
            [.. members.SelectMany(AddressesOf)],
            [.. others.SelectMany(AddressesOf), .. unusedNodeAddresses],
            ["198.51.100.7", "8.8.8.8", $"{prefix}.9.9", "192.168.0.99", "2001:db8::1", $"{V6}09::9"],
            [$"{prefix}.0.2", "169.254.169.253", "169.254.169.123", "169.254.169.254", "fd00:ec2::253", "fd00:ec2::123", "fd00:ec2::254"]);
    }

    private static Gen<List<ManagedPrefixList>> PrefixLists(string prefix, string[] hosts) =>
        from count in Gen.Choose(0, 2)
        from lists in Gen.CollectToList(Enumerable.Range(1, count), n =>
            from entries in Cidr(prefix, hosts).NonEmptyListOf()
            select new ManagedPrefixList
            {
                PrefixListId = $"pl-{n}",
                Entries = [.. entries.Distinct().Take(3).Select(cidr => new PrefixListEntry { Cidr = cidr })],
            })
        select lists;

    private static Gen<SecurityGroup> Group(string id, string[] groupIds, string prefix, string[] hosts) =>
        from ingressCount in Gen.Choose(0, 4)
        from ingress in Permission(id, groupIds, prefix, hosts).ListOf(ingressCount)
        from egress in Gen.Frequency(
            (2, Gen.Constant(new[] { AwsObjects.AllTraffic("0.0.0.0/0") })),
            (1, Gen.Constant(new[] { AwsObjects.AllTraffic("0.0.0.0/0", "::/0") })),
            (4, Gen.Choose(0, 3).SelectMany(n => Permission(id, groupIds, prefix, hosts).ArrayOf(n))))
        select new SecurityGroup { GroupId = id, GroupName = $"name-{id}", VpcId = VpcId, IpPermissions = [.. ingress], IpPermissionsEgress = [.. egress] };

    private static Gen<IpPermission> Permission(string self, string[] groupIds, string prefix, string[] hosts) =>
        from shape in Gen.Frequency(
            (3, Gen.Constant(("-1", (int?)null, (int?)null))),
            (4, PortRange().Select(r => ("tcp", (int?)r.From, (int?)r.To))),
            (3, PortRange().Select(r => ("udp", (int?)r.From, (int?)r.To))),
            (2, from type in Gen.Elements(-1, 0, 3, 8)
                from code in Gen.Elements(-1, 0, 4)
                select ("icmp", (int?)type, (int?)(type == -1 ? -1 : code))),
            (1, from type in Gen.Elements(-1, 128, 129, 1)
                from code in Gen.Elements(-1, 0)
                select ("icmpv6", (int?)type, (int?)(type == -1 ? -1 : code))),
            (1, Gen.Elements("50", "47", "132", "136").Select(number => (number, (int?)null, (int?)null))))
        from peerCount in Gen.Choose(1, 3)
        from peers in Peer(self, groupIds, prefix, hosts).ArrayOf(peerCount)
        select Peered(AwsObjects.Permission(shape.Item1, shape.Item2, shape.Item3, [.. peers.Distinct()]));

    /// <summary>
    /// References to SGs outside the VPC as EC2 describes them: the other VPC's id and the peering connection (for
    /// sg-404, a stale reference to an SG deleted in the peer VPC). AWS refuses a same-VPC reference to a missing SG.
    /// </summary>
    private static IpPermission Peered(IpPermission permission) => permission with
    {
        UserIdGroupPairs = [.. permission.UserIdGroupPairs.Select(pair => pair.GroupId is OtherVpcGroup or UnknownGroup
            ? pair with { VpcId = OtherVpcId, VpcPeeringConnectionId = "pcx-0peer", PeeringStatus = "active" }
            : pair)],
    };

    private static Gen<(int From, int To)> PortRange() =>
        Gen.Elements((0, 65535), (80, 80), (443, 443), (1, 1023), (0, 1023), (1024, 65535), (22, 22), (53, 53), (8000, 8100));

    private static Gen<string> Peer(string self, string[] groupIds, string prefix, string[] hosts) =>
        Gen.Frequency(
            (4, Cidr(prefix, hosts)),
            (3, Gen.Elements(groupIds)),
            (1, Gen.Constant(self)),
            (1, Gen.Elements(TrustGroup, EnforcedGroup, UnknownGroup, OtherVpcGroup)),
            (2, Gen.Elements(PrefixListIds)));

    /// <summary>CIDRs that sometimes contain generated addresses, sometimes not; both families.</summary>
    private static Gen<string> Cidr(string prefix, string[] hosts)
    {
        string[] fixedCidrs =
        [
            "0.0.0.0/0", $"{prefix}.0.0/16", $"{prefix}.2.0/24", $"{prefix}.3.0/24", $"{prefix}.2.8/29", $"{prefix}.0.0/24",
            "192.168.0.0/24", "192.168.0.8/30", "198.51.100.0/24", "8.8.8.8/32", "169.254.169.0/24",
            "::/0", $"{V6}00::/56", $"{V6}02::/64", $"{V6}03::/64", "fd77::/64", "2001:db8::/32", "fd00:ec2::/32",
        ];
        return hosts.Length == 0
            ? Gen.Elements(fixedCidrs)
            : Gen.Frequency((3, Gen.Elements(fixedCidrs)), (2, Gen.Elements(hosts)));
    }

    private static Gen<Flow> FlowBetweenRoles(AddressBook book) =>
        from pair in Gen.Frequency(
            (4, Pair(book.Pods, book.Pods, book)),
            (3, Pair(book.Pods, book.Members, book)),
            (3, Pair(book.Members, book.Pods, book)),
            (2, Pair(book.Pods, book.Nodes, book)),
            (2, Pair(book.Nodes, book.Pods, book)),
            (2, Pair(book.Nodes, book.Members, book)),
            (2, Pair(book.Members, book.Nodes, book)),
            (1, Pair(book.Nodes, book.Nodes, book)),
            (1, Pair(book.Nodes, book.External, book)),
            (2, Pair(book.Pods, book.External, book)),
            (1, Pair(book.External, book.Pods, book)),
            (3, Pair(book.Pods, book.Exempt, book)),
            (1, Pair(book.Pods, book.WithoutHostEndpoint, book)),
            (1, Pair(book.WithoutHostEndpoint, book.Pods, book)))
        from flow in Traffic(IPAddress.Parse(pair.Source), IPAddress.Parse(pair.Destination))
        select flow;

    /// <summary>A source from one role and a destination of the same family from another (else the internet).</summary>
    private static Gen<(string Source, string Destination)> Pair(IReadOnlyList<string> sources, IReadOnlyList<string> destinations, AddressBook book)
    {
        if (sources.Count == 0) sources = book.Pods;
        return from source in Gen.Elements(sources.ToArray())
               let family = IsIpv6(source)
               let sameFamily = destinations.Where(d => IsIpv6(d) == family && d != source).ToArray()
               from destination in Gen.Elements(sameFamily.Length > 0 ? sameFamily : [.. book.External.Where(d => IsIpv6(d) == family)])
               select (source, destination);
    }

    private static Gen<Flow> Traffic(IPAddress source, IPAddress destination)
    {
        var ipv6 = source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        return Gen.Frequency(
            (5, Gen.Elements(22, 53, 80, 443, 1023, 1024, 5432, 8050, 8080, 65535).Select(port => Flow.Tcp(source, destination, port))),
            (3, Gen.Elements(53, 123, 1024, 5000, 65535).Select(port => Flow.Udp(source, destination, port))),
            (2, from type in ipv6 ? Gen.Elements(128, 129, 1) : Gen.Elements(0, 3, 8, 11)
                from code in Gen.Elements(0, 4)
                select Flow.Icmp(source, destination, type, code)),
            (1, Gen.Elements<(int, int?)>((50, null), (47, null), (IpProtocols.Sctp, 80), (IpProtocols.UdpLite, 53))
                .Select(p => Flow.Of(source, destination, p.Item1, p.Item2))));
    }

    private static IEnumerable<SecurityGroup> InternalAndForeignGroups() =>
    [
        new SecurityGroup
        {
            GroupId = TrustGroup, VpcId = VpcId,
            IpPermissions = [AwsObjects.AllTraffic(EnforcedGroup)], IpPermissionsEgress = [AwsObjects.AllTraffic("0.0.0.0/0")],
        },
        new SecurityGroup
        {
            GroupId = EnforcedGroup, VpcId = VpcId,
            IpPermissions = [AwsObjects.AllTraffic(TrustGroup)], IpPermissionsEgress = [AwsObjects.AllTraffic("0.0.0.0/0")],
        },
        new SecurityGroup
        {
            GroupId = OtherVpcGroup, VpcId = OtherVpcId,
            IpPermissions = [AwsObjects.AllTraffic("0.0.0.0/0")], IpPermissionsEgress = [AwsObjects.AllTraffic("0.0.0.0/0")],
        },
    ];

    private static NetworkInterface Eni(string id, string[] groups, string[] v4, string[] v6, string type, string? instance, int deviceIndex) =>
        new()
        {
            NetworkInterfaceId = id,
            VpcId = VpcId,
            InterfaceType = type,
            Description = "",
            Status = "in-use",
            Groups = [.. groups.Select(g => new GroupIdentifier { GroupId = g })],
            PrivateIpAddress = v4.FirstOrDefault(),
            PrivateIpAddresses = [.. v4.Select((a, k) => new NetworkInterfacePrivateIpAddress { PrivateIpAddress = a, Primary = k == 0 })],
            Ipv6Address = v6.FirstOrDefault(),
            Ipv6Addresses = [.. v6.Select((a, k) => new NetworkInterfaceIpv6Address { Ipv6Address = a, IsPrimaryIpv6 = k == 0 })],
            Attachment = instance is null ? null : new NetworkInterfaceAttachment { InstanceId = instance, DeviceIndex = deviceIndex, NetworkCardIndex = 0 },
        };

    private static IEnumerable<string> AddressesOf(NetworkInterface eni) =>
        eni.PrivateIpAddresses.Select(a => a.PrivateIpAddress).Concat(eni.Ipv6Addresses.Select(a => a.Ipv6Address));

    private static string Host(string address) => address + (IsIpv6(address) ? "/128" : "/32");

    private static bool IsIpv6(string address) => address.Contains(':', StringComparison.Ordinal);

    private static string Hex(int value) => value.ToString("x", CultureInfo.InvariantCulture);

    private static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(roll => roll <= percent);

    private static Gen<string[]> NonEmptySubset(string[] items) =>
        from count in Gen.Choose(1, Math.Min(3, items.Length))
        from shuffled in Gen.Shuffle(items)
        select shuffled.Take(count).ToArray();

    private static IEnumerable<IpPermission> FewerPeers(IpPermission permission)
    {
        for (var i = 0; i < permission.IpRanges.Count; i++) yield return permission with { IpRanges = Without(permission.IpRanges, i) };
        for (var i = 0; i < permission.Ipv6Ranges.Count; i++) yield return permission with { Ipv6Ranges = Without(permission.Ipv6Ranges, i) };
        for (var i = 0; i < permission.UserIdGroupPairs.Count; i++) yield return permission with { UserIdGroupPairs = Without(permission.UserIdGroupPairs, i) };
        for (var i = 0; i < permission.PrefixListIds.Count; i++) yield return permission with { PrefixListIds = Without(permission.PrefixListIds, i) };
    }

    private static List<T> Without<T>(IReadOnlyList<T> items, int index) => [.. items.Where((_, k) => k != index)];

    private static List<T> Replace<T>(IReadOnlyList<T> items, int index, T replacement) => [.. items.Select((item, k) => k == index ? replacement : item)];
}
