using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Kubernetes;
using SgLambda.Emulators.Kubernetes.Calico;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Core.Tests.Schema;

/// <summary>
/// Every object the translation renders would be accepted by a cluster: the Kubernetes API server's CRD
/// validation (schema, CEL rules, metadata) and Calico's own validation, in both API groups.
/// </summary>
public class RenderedObjectsAreValidTests
{
    private const string Web = "sg-0web0000000000001";
    private const string App = "sg-0app0000000000001";
    private const string Db = "sg-0db00000000000001";
    private const string Pods = "sg-0pods000000000001";
    private const string Nodes = "sg-0nodes00000000001";
    private const string Wide = "sg-0wide000000000001";
    private const string Elsewhere = "sg-0elsewhere0000001";
    private const string PrefixList = "pl-0123456789abcdef0";

    private static SgLambdaConfig ConfigFor(string api, bool enforceNodes, MetadataAccess metadata) => Config(enforceNodes, api) with
    {
        PodSecurityGroupId = Pods,
        NodeSecurityGroupIds = [Nodes],
        DefaultPodMetadataAccess = metadata,
    };

    private static IEnumerable<TestCaseData> Configurations() =>
        from api in new[] { CalicoApiGroups.ProjectCalicoV3, CalicoApiGroups.CrdProjectCalicoV1 }
        from enforceNodes in new[] { true, false }
        let metadata = enforceNodes ? MetadataAccess.Denied : MetadataAccess.Allowed
        select new TestCaseData(api, enforceNodes, metadata).SetArgDisplayNames(api, $"enforceNodes={enforceNodes}", metadata.ToString());

    [TestCaseSource(nameof(Configurations))]
    public void Every_rendered_object_passes_the_API_servers_and_Calicos_validation(string api, bool enforceNodes, MetadataAccess metadata)
    {
        var crds = CrdSchemaValidator.ForDirectory(CrdFolder.For(api));
        var objects = Translator.Render(EveryShapeSnapshot(), ConfigFor(api, enforceNodes, metadata)).Objects;

        var problems = new List<string>();
        foreach (var value in objects)
        {
            var json = CalicoSerializer.ToJsonNode(value);
            foreach (var error in crds.Validate(json).Concat(CalicoSemanticValidator.Validate(json)))
                problems.Add($"{value.Key}: {error}");
        }

        Assert.That(problems, Is.Empty, () => "invalid objects, e.g.\n" + string.Join("\n", problems.Take(20)));
        var byKind = objects.GroupBy(value => value.Kind).ToDictionary(group => group.Key, group => group.Count());
        Assert.That(byKind.GetValueOrDefault(nameof(Tier)), Is.EqualTo(3), "tiers validated");
        Assert.That(byKind.GetValueOrDefault(nameof(GlobalNetworkPolicy)), Is.GreaterThanOrEqualTo(14), "policies validated");
        Assert.That(byKind.GetValueOrDefault(nameof(HostEndpoint)), Is.GreaterThanOrEqualTo(9), "host endpoints validated");
        Assert.That(byKind.GetValueOrDefault(nameof(GlobalNetworkSet)), Is.GreaterThanOrEqualTo(1), "network sets validated");
    }

    [TestCaseSource(nameof(Configurations))]
    public void The_snapshot_exercises_every_rule_shape_the_translation_writes(string api, bool enforceNodes, MetadataAccess metadata)
    {
        var rules = Translator.Render(EveryShapeSnapshot(), ConfigFor(api, enforceNodes, metadata)).Objects
            .OfType<GlobalNetworkPolicy>()
            .SelectMany(policy => (policy.Spec.Ingress ?? []).Concat(policy.Spec.Egress ?? []))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rules.Select(rule => rule.Protocol?.ToString()).Distinct(),
                Is.SupersetOf(new[] { "TCP", "UDP", "ICMP", "ICMPv6", "SCTP" }), "named protocols");
            Assert.That(rules.Any(rule => rule.Protocol?.Number is not null), Is.True, "numbered protocols");
            Assert.That(rules.Any(rule => rule.Icmp?.Code is not null), Is.True, "ICMP type and code");
            Assert.That(rules.Any(rule => rule.IpVersion == 6), Is.True, "IPv6 rules");
            Assert.That(rules.Sum(rule => (rule.Source?.Nets?.Count ?? 0) + (rule.Destination?.Nets?.Count ?? 0)), Is.GreaterThan(256), "more CIDR peers than one entity rule holds");
            Assert.That(rules.Any(rule => (rule.Destination?.Ports ?? []).Any(port => port.Text?.Contains(':', StringComparison.Ordinal) == true)), Is.True, "port ranges");
            Assert.That(rules.Any(rule => rule.Metadata?.Annotations?.ContainsKey(LabelKeys.RuleId) == true), Is.True, "rule ids");
            Assert.That(rules.Any(rule => (rule.Source?.Selector ?? rule.Destination?.Selector) is not null), Is.True, "selector peers");
        });
    }

    /// <summary>
    /// One VPC with every rule shape (all protocols, ICMP type/code, port ranges, all-ports, IPv4 and IPv6 CIDRs,
    /// SG and prefix-list peers, internal-SG and foreign references, over-limit nets and ports) and every kind of
    /// endpoint (EC2, RDS, ELB, Lambda, VPC endpoint, EKS control plane, NAT gateway, registered and unregistered
    /// nodes, node secondary ENIs, branch ENIs, an ENI of another VPC).
    /// </summary>
    private static AwsSnapshot EveryShapeSnapshot()
    {
        var manyCidrs = Enumerable.Range(0, 300).Select(i => $"172.{16 + i / 256}.{i % 256}.0/24").ToArray();
        var manyPorts = Enumerable.Range(0, 60).Select(i => Perm("tcp", 10000 + 2 * i, 10000 + 2 * i, cidrs: ["10.9.0.0/16"])).ToArray();
        var web = Sg(Web,
            ingress:
            [
                Perm("tcp", 443, 443, cidrs: ["10.0.0.0/16", "0.0.0.0/0"], cidrs6: ["::/0"], description: "https from anywhere; \"quoted\" & ünïcode"),
                Perm("tcp", 0, 65535, groups: [App]),
                Perm("tcp", 0, 1023, cidrs: ["192.168.0.0/16"]),
                Perm("udp", 53, 53, lists: [PrefixList]),
                Perm("udp", 0, 65535, cidrs: ["10.1.0.0/16"]),
                Perm("icmp", 8, -1, cidrs: ["0.0.0.0/0"]),
                Perm("icmp", 3, 4, cidrs: ["10.0.0.0/8"]),
                Perm("icmp", -1, -1, groups: [Db]),
                Perm("icmpv6", -1, -1, cidrs6: ["2600:1f18::/32"]),
                Perm("58", 128, 0, cidrs6: ["::/0"]),
                Perm("-1", groups: [Db, TrustSg, Elsewhere]),
                Perm("50", cidrs: ["203.0.113.0/24"]),
                Perm("47", groups: [App]),
                Perm("132", 5000, 5001, cidrs: ["10.2.0.0/16"]),
                Perm("sctp", 9000, 9000, cidrs6: ["2600:1f18:1::/48"]),
                Perm("136", cidrs: ["10.3.0.0/16"]),
            ],
            egress: [Perm("-1", cidrs: ["0.0.0.0/0"], cidrs6: ["::/0"])]);
        var app = Sg(App,
            ingress: [Perm("tcp", 8080, 8080, groups: [Web, App]), Perm("tcp", 22, 22, lists: [PrefixList, "pl-0missing000000000"])],
            egress: [Perm("tcp", 5432, 5432, groups: [Db]), Perm("udp", 53, 53, cidrs: ["10.0.0.2/32"])]);
        var db = Sg(Db, ingress: [Perm("tcp", 5432, 5432, groups: [App], description: "postgres")]);
        var pods = Sg(Pods, ingress: [Perm("-1", groups: [Pods, Nodes])], egress: [Perm("-1", cidrs: ["0.0.0.0/0"], cidrs6: ["::/0"])]);
        var nodes = Sg(Nodes, ingress: [Perm("-1", groups: [Nodes, Pods]), Perm("tcp", 10250, 10250, cidrs: ["10.0.0.0/16"])],
            egress: [Perm("-1", cidrs: ["0.0.0.0/0"])]);
        var wide = Sg(Wide, ingress: [Perm("tcp", 80, 80, cidrs: manyCidrs), .. manyPorts]);
        var trust = Sg(TrustSg, ingress: [Perm("-1", groups: [EnforcedSg])]);
        var enforced = Sg(EnforcedSg, ingress: [Perm("-1", groups: [TrustSg])]);
        var foreign = Sg(Elsewhere, ingress: [Perm("tcp", 1, 2, cidrs: ["10.0.0.0/8"])], vpc: "vpc-0other00000000001");

        NetworkInterface[] enis =
        [
            Eni("eni-0ec2000000000001", [Web, TrustSg], ["10.0.1.10", "10.0.1.11"], instance: "i-0web0000000000001", ipv6: ["2600:1f18:4a3:6900::10"]),
            Eni("eni-0rds000000000001", [Db, TrustSg], ["10.0.2.20"], description: "RDSNetworkInterface") with { RequesterId = "amazon-rds" },
            Eni("eni-0elb000000000001", [Web], ["10.0.2.30"], description: "ELB app/web/0123456789abcdef"),
            Eni("eni-0nlb000000000001", [], ["10.0.2.31"], interfaceType: "network_load_balancer", description: "ELB net/nlb/0123456789abcdef"),
            Eni("eni-0lam000000000001", [App], ["10.0.2.40"], interfaceType: "lambda", description: "AWS Lambda VPC ENI-fn"),
            Eni("eni-0vpe000000000001", [App], ["10.0.2.50"], interfaceType: "vpc_endpoint", description: "VPC Endpoint Interface vpce-0123"),
            Eni("eni-0eks000000000001", [Nodes], ["10.0.2.60"], description: "Amazon EKS demo"),
            Eni("eni-0nat000000000001", [], ["10.0.2.70"], interfaceType: "nat_gateway", description: "Interface for NAT Gateway nat-0123"),
            Eni("eni-0node00000000001", [Nodes, EnforcedSg], ["10.0.3.10", "10.0.3.11", "10.0.3.12"], instance: "i-0node000000000001",
                ipv6: ["2600:1f18:4a3:6901::10"], dnsName: "ip-10-0-3-10.ec2.internal"),
            Eni("eni-0node00000000002", [Nodes], ["10.0.3.20"], instance: "i-0node000000000001", deviceIndex: 1),
            Eni("eni-0node00000000003", [Nodes, EnforcedSg], ["10.0.4.10"], instance: "i-0node000000000002", dnsName: "ip-10-0-4-10.ec2.internal"),
            Eni("eni-0cni000000000001", [Nodes], ["10.0.4.20"], instance: "i-0node000000000002", deviceIndex: 2, description: "aws-K8S-i-0node000000000002"),
            Eni("eni-0branch00000001", [App], ["10.0.5.10"], interfaceType: "branch"),
            Eni("eni-0other000000001", [Web], ["10.9.0.10"]) with { VpcId = "vpc-0other00000000001" },
        ];

        ManagedPrefixList[] lists =
        [
            new() { PrefixListId = PrefixList, PrefixListName = "corp", Entries = [new() { Cidr = "198.51.100.0/24" }, new() { Cidr = "2001:db8::/32" }] },
        ];

        SecurityGroupRule[] ruleIds =
        [
            new() { SecurityGroupRuleId = "sgr-0aaaaaaaaaaaaaaa1", GroupId = Web, IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "10.0.0.0/16" },
            new() { SecurityGroupRuleId = "sgr-0aaaaaaaaaaaaaaa2", GroupId = Db, IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, ReferencedGroupInfo = new() { GroupId = App }, Description = "postgres" },
        ];

        return Snapshot(
            [web, app, db, pods, nodes, wide, trust, enforced, foreign],
            enis,
            lists,
            [new KubernetesNode("ip-10-0-3-10.ec2.internal", "i-0node000000000001")],
            ruleIds);
    }
}
