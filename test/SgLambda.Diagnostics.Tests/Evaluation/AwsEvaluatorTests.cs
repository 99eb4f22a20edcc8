using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;
using static SgLambda.TestSupport.AwsObjects;
using static SgLambda.Diagnostics.Tests.Evaluation.CalicoObjects;

namespace SgLambda.Diagnostics.Tests.Evaluation;

public class AwsEvaluatorTests
{
    private const string PodP = "10.0.1.1";          // pod default/p, in sg-p
    private const string Pod6 = "2600:1f00::99";     // pod default/p6, in sg-p
    private const string PodBare = "10.0.1.2";       // pod default/bare, in no SG
    private const string MemberA = "10.0.2.1";       // eni-a, in sg-a (also 10.0.2.2 and 2600:1f00::a)
    private const string MemberA2 = "10.0.2.7";      // eni-a2, in sg-a
    private const string MemberB = "10.0.2.3";       // eni-b, in sg-b and the trust SG
    private const string MemberNone = "10.0.2.4";    // eni-none, in no SG
    private const string MemberTrust = "10.0.2.5";   // eni-trust, only in the trust SG
    private const string Node1 = "10.0.3.1";         // node i-1 (registered), primary ENI eni-n1 in sg-n and the enforced SG
    private const string Node2 = "10.0.4.1";         // node i-2 (only the enforced SG on its primary ENI)
    private const string Internet = "198.51.100.7";

    private static readonly SgLambdaConfig Config = new()
    {
        VpcId = VpcId,
        TrustSecurityGroupId = "sg-trust",
        EnforcedSecurityGroupId = "sg-enf",
        PodSecurityGroupId = "sg-p",
    };

    private static readonly Pod[] Pods =
    [
        Pod("default", "p", PodP, "sg.aws.tigera.io/sg-p="),
        Pod("default", "p6", Pod6, "sg.aws.tigera.io/sg-p="),
        Pod("default", "bare", PodBare, "app=bare"),
        Pod("default", "on-node", "10.0.3.2", "sg.aws.tigera.io/sg-p="),
        Pod("default", "unknown-sg", "10.0.1.3", "sg.aws.tigera.io/sg-zzz="),
    ];

    private static readonly NetworkInterface[] Enis =
    [
        Eni("eni-a", ["sg-a"], [MemberA, "10.0.2.2", "2600:1f00::a"]),
        Eni("eni-a2", ["sg-a"], [MemberA2]),
        Eni("eni-b", ["sg-b", "sg-trust"], [MemberB]),
        Eni("eni-none", [], [MemberNone, "2600:1f00::4"]),
        Eni("eni-trust", ["sg-trust"], [MemberTrust]),
        Eni("eni-other-vpc-sg", ["sg-elsewhere"], ["10.0.2.6"]),
        Eni("eni-n1", ["sg-n", "sg-enf"], [Node1, "10.0.3.2", "10.0.3.9", "2600:1f00::31", "2600:1f00::32"], instanceId: "i-1"),
        Eni("eni-n1b", ["sg-n"], ["10.0.3.3"], instanceId: "i-1", deviceIndex: 1),
        Eni("eni-n2", ["sg-n", "sg-enf"], [Node2], instanceId: "i-2"),
        Eni("eni-plain-instance", ["sg-a"], ["10.0.4.9"], instanceId: "i-3"),
        Eni("eni-br", ["sg-a"], ["10.0.5.1"], interfaceType: "branch"),
        Eni("eni-trunk", ["sg-a"], ["10.0.5.4"], interfaceType: "trunk"),
        Eni("eni-cni", ["sg-a"], ["10.0.5.2"], instanceId: "i-3", deviceIndex: 1, description: "aws-K8S-i-3"),
        Eni("eni-cni-tag", ["sg-a"], ["10.0.5.3"], instanceId: "i-3", deviceIndex: 2, tag: AwsEvaluator.VpcCniInstanceTag),
        Eni("eni-x", ["sg-a"], ["10.0.6.1"], vpcId: "vpc-2"),
    ];

    private static readonly SecurityGroup[] DefaultGroups =
    [
        Group("sg-p", egress: [AllTraffic("0.0.0.0/0", "::/0")]),
        Group("sg-a"),
        Group("sg-b"),
        Group("sg-n", egress: [AllTraffic("0.0.0.0/0")]),
        Group("sg-trust", ingress: [AllTraffic("sg-enf")], egress: [AllTraffic("0.0.0.0/0")]),
        Group("sg-enf", ingress: [AllTraffic("sg-trust")], egress: [AllTraffic("0.0.0.0/0")]),
        Group("sg-elsewhere", ingress: [AllTraffic("0.0.0.0/0")], vpcId: "vpc-2"),
    ];

    /// <summary>The fixed world, with the given groups replacing the default ones of the same id.</summary>
    private static AwsEvaluator World(params SecurityGroup[] groups)
    {
        var snapshot = new AwsSnapshot
        {
            Vpcs = [new Vpc { VpcId = VpcId, CidrBlock = "10.0.0.0/16" }],
            SecurityGroups = [.. groups, .. DefaultGroups.Where(d => groups.All(g => g.GroupId != d.GroupId))],
            NetworkInterfaces = Enis,
            PrefixLists = [new ManagedPrefixList { PrefixListId = "pl-1", Entries = [new PrefixListEntry { Cidr = "10.0.1.0/28" }] }],
            Nodes = [new KubernetesNode("node-1", "i-1")],
        };
        return new AwsEvaluator(snapshot, Config, Pods);
    }

    private static Flow FlowOf(string source, string destination, int protocol, int? portOrType, int? code) =>
        IpProtocols.IsIcmp(protocol)
            ? new Flow(IPAddress.Parse(source), IPAddress.Parse(destination), protocol, null, portOrType, code)
            : Flow.Of(source, destination, protocol, portOrType);

    [TestCase("-1", null, null, IpProtocols.Tcp, 80, null, true)]
    [TestCase("-1", null, null, IpProtocols.Udp, 53, null, true)]
    [TestCase("-1", null, null, IpProtocols.Icmp, 8, 0, true)]
    [TestCase("-1", null, null, 50, null, null, true)]
    [TestCase("tcp", 80, 80, IpProtocols.Tcp, 80, null, true)]
    [TestCase("tcp", 80, 80, IpProtocols.Tcp, 81, null, false)]
    [TestCase("tcp", 80, 80, IpProtocols.Udp, 80, null, false)]
    [TestCase("6", 80, 80, IpProtocols.Tcp, 80, null, true)]
    [TestCase("tcp", 0, 65535, IpProtocols.Tcp, 1, null, true)]
    [TestCase("tcp", 0, 65535, IpProtocols.Tcp, 65535, null, true)]
    [TestCase("tcp", 1000, 2000, IpProtocols.Tcp, 999, null, false)]
    [TestCase("tcp", 1000, 2000, IpProtocols.Tcp, 1000, null, true)]
    [TestCase("tcp", 1000, 2000, IpProtocols.Tcp, 2000, null, true)]
    [TestCase("tcp", 1000, 2000, IpProtocols.Tcp, 2001, null, false)]
    [TestCase("udp", 53, 53, IpProtocols.Udp, 53, null, true)]
    [TestCase("udp", 53, 53, IpProtocols.Tcp, 53, null, false)]
    [TestCase("icmp", -1, -1, IpProtocols.Icmp, 8, 0, true)]
    [TestCase("icmp", -1, -1, IpProtocols.Icmp, 3, 4, true)]
    [TestCase("icmp", -1, -1, IpProtocols.Tcp, 80, null, false)]
    [TestCase("icmp", 8, -1, IpProtocols.Icmp, 8, 0, true)]
    [TestCase("icmp", 8, -1, IpProtocols.Icmp, 0, 0, false)]
    [TestCase("icmp", 3, 4, IpProtocols.Icmp, 3, 4, true)]
    [TestCase("icmp", 3, 4, IpProtocols.Icmp, 3, 3, false)]
    [TestCase("50", null, null, 50, null, null, true)]
    [TestCase("50", null, null, 51, null, null, false)]
    [TestCase("50", null, null, IpProtocols.Tcp, 80, null, false)]
    [TestCase("132", null, null, IpProtocols.Sctp, 9, null, true)]
    [TestCase("132", 5, 5, IpProtocols.Sctp, 9, null, true)]
    public void Rule_shapes_match_protocols_ports_and_icmp_types(string protocol, int? from, int? to, int flowProtocol, int? portOrType, int? code, bool expected)
    {
        var world = World(Group("sg-p", egress: [Permission(protocol, from, to, "0.0.0.0/0")]));

        var verdict = world.Evaluate(FlowOf(PodP, Internet, flowProtocol, portOrType, code));

        Assert.That(verdict.Allowed, Is.EqualTo(expected));
        Assert.That(verdict.Egress.Allowed, Is.EqualTo(expected));
    }

    [TestCase(-1, -1, 128, 0, true)]
    [TestCase(128, -1, 128, 0, true)]
    [TestCase(128, -1, 129, 0, false)]
    public void Icmpv6_rules_match_icmpv6_types_and_codes(int type, int code, int flowType, int flowCode, bool expected)
    {
        var world = World(Group("sg-p", egress: [Permission("icmpv6", type, code, "::/0"), Permission("icmp", -1, -1, "0.0.0.0/0")]));

        Assert.That(world.Evaluate(Flow.Icmp(Pod6, "2001:db8::1", flowType, flowCode)).Allowed, Is.EqualTo(expected));
    }

    [TestCase("10.0.1.0/24", PodP, true)]
    [TestCase("10.0.1.0/24", "10.0.9.9", false)]
    [TestCase("2600:1f00::/64", Pod6, true)]
    [TestCase("2600:1f00::/64", PodP, false)]
    [TestCase("sg-p", PodP, true)]
    [TestCase("sg-p", Node1, false)]
    [TestCase("sg-n", Node1, true)]
    [TestCase("sg-n", "10.0.3.3", false)]
    [TestCase("sg-a", MemberA2, true)]
    [TestCase("sg-a", "10.0.5.1", false)]
    [TestCase("pl-1", PodP, true)]
    [TestCase("pl-1", "10.0.1.16", false)]
    [TestCase("pl-missing", PodP, false)]
    [TestCase("sg-trust", MemberB, false)]
    [TestCase("sg-enf", Node1, false)]
    [TestCase("sg-zzz", "10.0.1.3", false)]
    [TestCase("sg-elsewhere", "10.0.2.6", false)]
    public void Ingress_peers_match_by_cidr_group_membership_and_prefix_list(string peer, string source, bool expected)
    {
        var world = World(Group("sg-a", ingress: [Permission("tcp", 443, 443, peer)]));

        var verdict = world.Evaluate(Flow.Tcp(source, source.Contains(':', StringComparison.Ordinal) ? "2600:1f00::a" : MemberA, 443));

        Assert.That(verdict.Ingress.Allowed, Is.EqualTo(expected));
    }

    [Test]
    public void A_verdict_names_the_group_permission_and_peer_that_allowed_each_side()
    {
        var ingress = Permission("tcp", 443, 443, "10.9.0.0/16", "sg-p");
        var world = World(Group("sg-a", ingress: [Permission("udp", 53, 53, "0.0.0.0/0"), ingress]));

        var verdict = world.Evaluate(Flow.Tcp(PodP, MemberA, 443));

        Assert.That(verdict.Allowed, Is.True);
        Assert.That(verdict.Ingress.MatchedRule, Is.EqualTo(new AwsRuleMatch("sg-a", ingress, "sg-p")));
        Assert.That(verdict.Egress.MatchedRule!.SecurityGroupId, Is.EqualTo("sg-p"));
        Assert.That(verdict.Egress.MatchedRule.Peer, Is.EqualTo("0.0.0.0/0"));
    }

    [Test]
    public void A_flow_is_allowed_only_when_both_governed_sides_allow_it()
    {
        var world = World(
            Group("sg-p", egress: [Permission("tcp", 443, 443, "sg-a")]),
            Group("sg-a", ingress: [Permission("tcp", 443, 443, "sg-p")]));

        Assert.That(world.Evaluate(Flow.Tcp(PodP, MemberA, 443)).Allowed, Is.True);
        Assert.That(world.Evaluate(Flow.Tcp(PodP, MemberA, 80)).Allowed, Is.False);
        var denied = world.Evaluate(Flow.Tcp(PodP, MemberB, 443));
        Assert.That((denied.Egress.Allowed, denied.Ingress.Allowed, denied.Allowed), Is.EqualTo((false, false, false)));
        // No SG at all, or only internal ones: not governed, so only the other side counts.
        Assert.That(world.Evaluate(Flow.Tcp(MemberNone, MemberTrust, 80)).Allowed, Is.True);
        var fromUngoverned = world.Evaluate(Flow.Tcp(MemberTrust, MemberA, 443));
        Assert.That((fromUngoverned.Egress.Allowed, fromUngoverned.Ingress.Allowed), Is.EqualTo((true, false)));
        // A pod is always SG-bound (pod-default SG): one in no SG is governed by no rule.
        Assert.That(world.Evaluate(Flow.Tcp(PodBare, MemberA, 443)).Ingress.Allowed, Is.False);
        Assert.That(world.Evaluate(Flow.Tcp(PodBare, Internet, 443)).Allowed, Is.False);
    }

    [TestCase(MemberNone, false)]
    [TestCase(MemberTrust, false)]
    [TestCase("10.0.2.6", false)]
    [TestCase("10.0.1.3", true)]
    [TestCase(PodBare, true)]
    [TestCase(MemberB, true)]
    [TestCase(PodP, true)]
    [TestCase(Internet, false)]
    public void Pods_and_endpoints_in_a_non_internal_group_of_the_VPC_are_governed(string address, bool governed)
    {
        Assert.That(World().FindEndpoint(IPAddress.Parse(address)).Governed, Is.EqualTo(governed));
    }

    [Test]
    public void The_rules_of_the_internal_groups_are_ignored()
    {
        // sg-trust allows everything from sg-enf, but eni-b is governed by sg-b alone, which allows nothing.
        var world = World();

        Assert.That(world.Evaluate(Flow.Tcp(Node1, MemberB, 22)).Ingress.Allowed, Is.False);
        Assert.That(world.FindEndpoint(IPAddress.Parse(MemberB)).SecurityGroupIds, Is.EqualTo(new[] { "sg-b" }));
    }

    [TestCase("10.0.0.2", "Amazon DNS resolver (VPC base + 2)")]
    [TestCase("169.254.169.253", "Amazon DNS resolver")]
    [TestCase("169.254.169.123", "Amazon Time Sync Service")]
    [TestCase("169.254.169.254", "instance metadata service")]
    public void Traffic_to_AWS_services_is_never_filtered(string destination, string reason)
    {
        var world = World(Group("sg-p"));

        var verdict = world.Evaluate(Flow.Udp(PodP, destination, 53));

        Assert.That(verdict.Egress.Allowed, Is.False);
        Assert.That((verdict.Allowed, verdict.Exemption), Is.EqualTo((true, reason)));
    }

    [TestCase("fd00:ec2::253")]
    [TestCase("fd00:ec2::123")]
    [TestCase("fd00:ec2::254")]
    public void Traffic_to_the_IPv6_AWS_service_addresses_is_never_filtered(string destination)
    {
        Assert.That(World(Group("sg-p")).Evaluate(Flow.Tcp(Pod6, destination, 80)).Allowed, Is.True);
    }

    [TestCase("10.0.0.3")]
    [TestCase("10.0.1.2")]
    [TestCase("169.254.169.252")]
    public void Other_addresses_are_filtered(string destination)
    {
        Assert.That(World(Group("sg-p")).Evaluate(Flow.Udp(PodP, destination, 53)).Allowed, Is.False);
    }

    [Test]
    public void Replies_from_AWS_services_are_not_filtered_either()
    {
        Assert.That(World(Group("sg-p")).Evaluate(Flow.Udp("169.254.169.254", PodP, 40000)).Allowed, Is.True);
    }

    [TestCase(PodP, AwsEndpointKind.Pod, "default/p")]
    [TestCase("10.0.3.2", AwsEndpointKind.Pod, "default/on-node")]
    [TestCase(Node1, AwsEndpointKind.ClusterNode, "i-1")]
    [TestCase("2600:1f00::31", AwsEndpointKind.ClusterNode, "i-1")]
    [TestCase(Node2, AwsEndpointKind.ClusterNode, "i-2")]
    [TestCase("10.0.3.9", AwsEndpointKind.External, "10.0.3.9")]
    [TestCase("2600:1f00::32", AwsEndpointKind.External, "2600:1f00::32")]
    [TestCase("10.0.3.3", AwsEndpointKind.External, "10.0.3.3")]
    [TestCase(MemberA, AwsEndpointKind.VpcMember, "eni-a")]
    [TestCase("10.0.2.2", AwsEndpointKind.VpcMember, "eni-a")]
    [TestCase("2600:1f00::a", AwsEndpointKind.VpcMember, "eni-a")]
    [TestCase("10.0.4.9", AwsEndpointKind.VpcMember, "eni-plain-instance")]
    [TestCase("10.0.5.1", AwsEndpointKind.External, "10.0.5.1")]
    [TestCase("10.0.5.4", AwsEndpointKind.External, "10.0.5.4")]
    [TestCase("10.0.5.2", AwsEndpointKind.External, "10.0.5.2")]
    [TestCase("10.0.5.3", AwsEndpointKind.External, "10.0.5.3")]
    [TestCase("10.0.6.1", AwsEndpointKind.External, "10.0.6.1")]
    public void Addresses_belong_to_pods_then_nodes_then_VPC_members(string address, AwsEndpointKind kind, string id)
    {
        var endpoint = World().FindEndpoint(IPAddress.Parse(address));

        Assert.That((endpoint.Kind, endpoint.Id), Is.EqualTo((kind, id)));
    }

    [Test]
    public void A_node_is_governed_by_its_primary_ENI_groups()
    {
        var node = World().FindEndpoint(IPAddress.Parse(Node1));

        Assert.That(node.SecurityGroupIds, Is.EqualTo(new[] { "sg-n" }));
        Assert.That(node.Addresses, Is.EqualTo(new[] { IPAddress.Parse(Node1), IPAddress.Parse("2600:1f00::31") }));
    }
}
