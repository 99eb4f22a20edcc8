using System.Text.Json.Nodes;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Core.Tests.Translation;

public class TranslatorTests
{
    private const string App = "sg-0app0000000000001";
    private const string Db = "sg-0db00000000000001";

    /// <summary>What every "member of" selector adds: labels count outside the exempt namespaces only (SEMANTICS.md section 3).</summary>
    private const string Vetted = " && projectcalico.org/namespace not in {'kube-system', 'calico-system', 'calico-apiserver', 'tigera-operator'}";

    private static RenderResult Render(AwsSnapshot snapshot, SgLambdaConfig? config = null) => Translator.Render(snapshot, config ?? Config());

    private static GlobalNetworkPolicy Policy(RenderResult result, string name) =>
        result.Objects.OfType<GlobalNetworkPolicy>().Single(p => p.Metadata.Name == name);

    private static JsonObject Json(CalicoObject value) => CalicoSerializer.ToJsonNode(value);

    [Test]
    public void Renders_the_three_tiers_with_their_orders_and_default_actions()
    {
        var tiers = Render(Snapshot([])).Objects.OfType<Tier>().ToDictionary(t => t.Metadata.Name, t => t.Spec);
        Assert.That(tiers, Has.Count.EqualTo(3));
        Assert.That(tiers["sg-remote"], Is.EqualTo(new TierSpec { Order = 105, DefaultAction = "Deny" }));
        Assert.That(tiers["sg-local"], Is.EqualTo(new TierSpec { Order = 106, DefaultAction = "Deny" }));
        Assert.That(tiers["metadata"], Is.EqualTo(new TierSpec { Order = 107, DefaultAction = "Pass" }));
    }

    [Test]
    public void Every_object_is_labelled_as_managed_by_sglambda_and_uses_the_configured_api_version()
    {
        var snapshot = Snapshot([Sg(App)], [Eni("eni-01", [App], ["10.0.1.5"])]);
        foreach (var api in new[] { CalicoApiGroups.ProjectCalicoV3, CalicoApiGroups.CrdProjectCalicoV1 })
        {
            var objects = Render(snapshot, Config(api: api)).Objects;
            Assert.That(objects.Select(o => o.Metadata.Labels![LabelKeys.ManagedBy]), Is.All.EqualTo("sglambda"));
            Assert.That(objects.Select(o => o.ApiVersion), Is.All.EqualTo(api));
        }
    }

    [Test]
    public void Output_is_sorted_by_kind_then_name_and_deterministic()
    {
        var snapshot = Snapshot([Sg(Db), Sg(App)], [Eni("eni-02", [Db], ["10.0.1.6"]), Eni("eni-01", [App], ["10.0.1.5"])]);
        var first = Render(snapshot).Objects.Select(o => o.Key).ToList();
        Assert.That(first, Is.EqualTo(first.Order().ToList()));
        var reversed = snapshot with { SecurityGroups = [.. snapshot.SecurityGroups.Reverse()], NetworkInterfaces = [.. snapshot.NetworkInterfaces.Reverse()] };
        Assert.That(CalicoSerializer.ToListJson(Render(reversed).Objects), Is.EqualTo(CalicoSerializer.ToListJson(Render(snapshot).Objects)));
    }

    [Test]
    public void Each_sg_gets_a_local_policy_even_without_members_and_a_remote_one_only_when_a_rule_names_it()
    {
        var names = Render(Snapshot([Sg(App)])).Objects.OfType<GlobalNetworkPolicy>().Select(p => p.Metadata.Name).ToList();
        Assert.That(names, Does.Contain("sg-local." + App).And.None.StartsWith("sg-remote.for-"));
        var named = Render(Snapshot([Sg(App), Sg(Db, ingress: [Perm("tcp", 5432, 5432, groups: [App])])])).Objects.OfType<GlobalNetworkPolicy>().Select(p => p.Metadata.Name);
        Assert.That(named, Does.Contain("sg-remote.for-" + App).And.Not.Contain("sg-remote.for-" + Db));
    }

    [Test]
    public void Sgs_of_other_vpcs_and_internal_sgs_get_no_policy()
    {
        var result = Render(Snapshot([Sg("sg-0other000000000001", vpc: "vpc-0other"), Sg(TrustSg), Sg(EnforcedSg)]));
        Assert.That(result.Objects.Select(o => o.Metadata.Name), Has.None.Contains("sg-0other").And.None.Contains(TrustSg).And.None.Contains(EnforcedSg));
    }

    [TestCase("tcp", 80, 80, "TCP", "80")]
    [TestCase("tcp", 0, 1023, "TCP", "1:1023")]
    [TestCase("udp", 53, 53, "UDP", "53")]
    [TestCase("udp", 1024, 65535, "UDP", "1024:65535")]
    [TestCase("6", 443, 443, "TCP", "443")]
    public void Tcp_and_udp_port_ranges_become_destination_ports(string protocol, int from, int to, string calicoProtocol, string port)
    {
        var rule = Policy(Render(Snapshot([Sg(App, ingress: [Perm(protocol, from, to, cidrs: ["10.1.0.0/16"])])])), "sg-local." + App).Spec.Ingress!.Single();
        Assert.That(rule.Protocol.ToString(), Is.EqualTo(calicoProtocol));
        Assert.That(rule.Destination!.Ports!.Single().ToString(), Is.EqualTo(port));
        Assert.That(rule.Source!.Nets, Is.EqualTo(new[] { "10.1.0.0/16" }));
        Assert.That(rule.IpVersion, Is.EqualTo(4));
        Assert.That(rule.Action, Is.EqualTo("Pass"));
    }

    [TestCase(0, 65535)]
    [TestCase(1, 65535)]
    [TestCase(null, null)]
    [TestCase(-1, -1)]
    public void All_ports_omits_ports(int? from, int? to)
    {
        var rule = Policy(Render(Snapshot([Sg(App, egress: [Perm("tcp", from, to, cidrs: ["0.0.0.0/0"])])])), "sg-local." + App).Spec.Egress!.Single();
        Assert.That(rule.Destination!.Ports, Is.Null);
        Assert.That(rule.Destination.Nets, Is.EqualTo(new[] { "0.0.0.0/0" }));
    }

    [Test]
    public void Protocol_minus_one_matches_every_protocol_and_port()
    {
        var rule = Policy(Render(Snapshot([Sg(App, ingress: [Perm("-1", groups: [Db])])])), "sg-local." + App).Spec.Ingress!.Single();
        Assert.That(rule.Protocol, Is.Null);
        Assert.That(rule.Destination, Is.Null);
        Assert.That(rule.IpVersion, Is.Null);
        Assert.That(rule.Source, Is.EqualTo(new EntityRule { Selector = "has(sg.aws.tigera.io/sg-0db00000000000001)" + Vetted }));
    }

    [TestCase("icmp", -1, -1, "ICMP", 4, null, null)]
    [TestCase("icmp", 8, -1, "ICMP", 4, 8, null)]
    [TestCase("icmp", 3, 4, "ICMP", 4, 3, 4)]
    [TestCase("icmpv6", -1, -1, "ICMPv6", 6, null, null)]
    [TestCase("58", 128, 0, "ICMPv6", 6, 128, 0)]
    public void Icmp_type_and_code_with_wildcards(string protocol, int from, int to, string calicoProtocol, int ipVersion, int? type, int? code)
    {
        var rule = Policy(Render(Snapshot([Sg(App, ingress: [Perm(protocol, from, to, groups: [Db])])])), "sg-local." + App).Spec.Ingress!.Single();
        Assert.That(rule.Protocol.ToString(), Is.EqualTo(calicoProtocol));
        Assert.That(rule.IpVersion, Is.EqualTo(ipVersion));
        Assert.That(rule.Icmp, type is null ? Is.Null : Is.EqualTo(new IcmpFields { Type = type, Code = code }));
    }

    [Test]
    public void Icmp_with_an_ipv6_cidr_matches_nothing_and_is_skipped_with_a_warning()
    {
        var result = Render(Snapshot([Sg(App, ingress: [Perm("icmp", -1, -1, cidrs6: ["::/0"]), Perm("icmpv6", -1, -1, cidrs: ["0.0.0.0/0"])])]));
        Assert.That(Policy(result, "sg-local." + App).Spec.Ingress, Is.Empty);
        Assert.That(result.Warnings, Has.Count.EqualTo(2).And.All.Contain("matches no packet"));
    }

    [TestCase("50", 50)]
    [TestCase("47", 47)]
    public void Other_protocol_numbers_allow_the_whole_protocol(string protocol, int number)
    {
        var rule = Policy(Render(Snapshot([Sg(App, ingress: [Perm(protocol, 100, 200, cidrs: ["10.0.0.0/8"])])])), "sg-local." + App).Spec.Ingress!.Single();
        Assert.That(rule.Protocol, Is.EqualTo(IntOrString.Of(number)));
        Assert.That(rule.Destination, Is.Null);
    }

    [TestCase("132", "SCTP")]
    [TestCase("136", "UDPLite")]
    public void Sctp_and_udplite_use_calico_names_without_ports(string protocol, string name)
    {
        var rule = Policy(Render(Snapshot([Sg(App, ingress: [Perm(protocol, 1, 2, cidrs: ["10.0.0.0/8"])])])), "sg-local." + App).Spec.Ingress!.Single();
        Assert.That(rule.Protocol, Is.EqualTo(IntOrString.Of(name)));
        Assert.That(rule.Destination, Is.Null);
    }

    [Test]
    public void Ipv4_and_ipv6_cidrs_become_separate_rules_with_ip_version()
    {
        var rules = Policy(Render(Snapshot([Sg(App, egress: [Perm("-1", cidrs: ["0.0.0.0/0"], cidrs6: ["::/0"])])])), "sg-local." + App).Spec.Egress!;
        Assert.That(rules.Select(r => (r.IpVersion, r.Destination!.Nets!.Single())), Is.EqualTo(new[] { ((int?)4, "0.0.0.0/0"), (6, "::/0") }));
    }

    [Test]
    public void Cidrs_with_host_bits_are_canonicalized()
    {
        var rule = Policy(Render(Snapshot([Sg(App, ingress: [Perm("tcp", 22, 22, cidrs: ["10.0.0.5/24"], cidrs6: ["2001:DB8::1/64"])])])), "sg-local." + App).Spec.Ingress!;
        Assert.That(rule.Select(r => r.Source!.Nets!.Single()), Is.EqualTo(new[] { "10.0.0.0/24", "2001:db8::/64" }));
    }

    [Test]
    public void Prefix_lists_become_global_network_sets_selected_with_global_namespace_selector()
    {
        var list = new ManagedPrefixList { PrefixListId = "pl-0abc", Entries = [new PrefixListEntry { Cidr = "192.0.2.0/24" }, new PrefixListEntry { Cidr = "2001:db8::/32" }] };
        var result = Render(Snapshot([Sg(App, ingress: [Perm("tcp", 443, 443, lists: ["pl-0abc"])])], lists: [list, list with { PrefixListId = "pl-0unused" }]));
        var set = result.Objects.OfType<GlobalNetworkSet>().Single();
        Assert.That(set.Metadata.Name, Is.EqualTo("pl-0abc"));
        Assert.That(set.Metadata.Labels![LabelKeys.PrefixList], Is.EqualTo("pl-0abc"));
        Assert.That(Policy(result, "sg-local." + App).Metadata.Labels!.ContainsKey("prefix-list.sglambda.io/pl-0abc"), Is.True);
        Assert.That(set.Spec.Nets, Is.EqualTo(new[] { "192.0.2.0/24", "2001:db8::/32" }));
        var rule = Policy(result, "sg-local." + App).Spec.Ingress!.Single();
        Assert.That(rule.Source, Is.EqualTo(new EntityRule { Selector = "sglambda.io/prefix-list == 'pl-0abc'", NamespaceSelector = "global()" }));
    }

    [Test]
    public void A_rule_naming_a_missing_prefix_list_is_skipped_with_a_warning()
    {
        var result = Render(Snapshot([Sg(App, ingress: [Perm("tcp", 443, 443, lists: ["pl-0missing"], cidrs: ["10.0.0.0/8"])])]));
        Assert.That(Policy(result, "sg-local." + App).Spec.Ingress, Has.Count.EqualTo(1));
        Assert.That(result.Warnings, Has.One.Contains("pl-0missing"));
        Assert.That(result.Objects.OfType<GlobalNetworkSet>(), Is.Empty);
    }

    [Test]
    public void Rules_referencing_internal_sgs_are_dropped_with_a_warning()
    {
        var result = Render(Snapshot([Sg(App, ingress: [Perm("-1", groups: [TrustSg, EnforcedSg, Db])])]));
        Assert.That(Policy(result, "sg-local." + App).Spec.Ingress!.Select(r => r.Source!.Selector), Is.EqualTo(new[] { "has(sg.aws.tigera.io/sg-0db00000000000001)" + Vetted }));
        Assert.That(result.Warnings, Has.Exactly(2).Contains("internal SG"));
    }

    [Test]
    public void Rule_ids_and_descriptions_become_rule_annotations()
    {
        var sgr = new SecurityGroupRule { SecurityGroupRuleId = "sgr-0123", GroupId = App, IsEgress = false, IpProtocol = "tcp", FromPort = 80, ToPort = 80, ReferencedGroupInfo = new ReferencedSecurityGroup { GroupId = Db } };
        var result = Render(Snapshot([Sg(App, ingress: [Perm("tcp", 80, 80, groups: [Db], description: "web from db")])], rules: [sgr]));
        var annotations = Policy(result, "sg-local." + App).Spec.Ingress!.Single().Metadata!.Annotations!;
        Assert.That(annotations[LabelKeys.RuleId], Is.EqualTo("sgr-0123"));
        Assert.That(annotations[LabelKeys.RuleDescription], Is.EqualTo("web from db"));
        var remote = Policy(result, "sg-remote.for-" + Db).Spec.Egress!.Single().Metadata!.Annotations!;
        Assert.That(remote[LabelKeys.RuleId], Is.EqualTo("sgr-0123"));
        Assert.That(remote[LabelKeys.SecurityGroupId], Is.EqualTo(App));
    }

    [Test]
    public void Remote_policy_of_the_named_sg_turns_ingress_rules_into_egress_toward_the_naming_sgs_host_endpoints()
    {
        var result = Render(Snapshot([Sg(Db, ingress: [Perm("tcp", 5432, 5432, groups: [App])], egress: [Perm("-1", groups: [App])])]));
        var remote = Policy(result, "sg-remote.for-" + App);
        Assert.That(remote.Spec.Selector, Is.EqualTo($"({Selectors.EnforcedEndpoint}) && (has(sg.aws.tigera.io/{App}){Vetted})"));
        Assert.That(remote.Metadata.Labels![LabelKeys.LocalSecurityGroup], Is.EqualTo(App));
        Assert.That(remote.Metadata.Labels!.ContainsKey(LabelKeys.RulesFrom(Db)), Is.True, "names the SG whose rules it holds");
        var egress = remote.Spec.Egress!.Single();
        Assert.That(egress.Source, Is.Null, "the policy selects the members of the named SG; the rule need not repeat it");
        Assert.That(egress.Destination!.Selector, Is.EqualTo("has(sg.aws.tigera.io/sg-0db00000000000001)" + Vetted));
        Assert.That(egress.Destination.NamespaceSelector, Is.EqualTo("global()"));
        Assert.That(egress.Destination.Ports!.Single().ToString(), Is.EqualTo("5432"));
        var ingress = remote.Spec.Ingress!.Single();
        Assert.That(ingress.Source, Is.EqualTo(new EntityRule { Selector = "has(sg.aws.tigera.io/sg-0db00000000000001)" + Vetted, NamespaceSelector = "global()" }));
        Assert.That(ingress.Destination, Is.Null);
    }

    [Test]
    public void Cidr_and_prefix_list_peers_go_to_a_shared_policy_that_matches_the_enforced_endpoints_own_address()
    {
        var result = Render(Snapshot([Sg(Db, ingress: [Perm("tcp", 5432, 5432, cidrs: ["10.0.0.0/8"])], egress: [Perm("-1", cidrs: ["0.0.0.0/0"])])]));
        var bucket = RemoteTarget.AddressBucketOf(Db);
        var shared = Policy(result, bucket.PolicyName);
        Assert.That(shared.Spec.Selector, Is.EqualTo(Selectors.EnforcedEndpoint));
        Assert.That(shared.Metadata.Labels![LabelKeys.AddressPeers], Is.EqualTo(bucket.Label.Value));
        var egress = shared.Spec.Egress!.Single();
        Assert.That(egress.Source!.Nets, Is.EqualTo(new[] { "10.0.0.0/8" }), "the enforced endpoint's own address is in the rule's CIDR");
        Assert.That(egress.Destination!.Selector, Is.EqualTo("has(sg.aws.tigera.io/sg-0db00000000000001)" + Vetted));
        Assert.That(shared.Spec.Ingress!.Single().Destination!.Nets, Is.EqualTo(new[] { "0.0.0.0/0" }));
        Assert.That(result.Objects.OfType<GlobalNetworkPolicy>().Count(p => p.Spec.Tier == TierNames.SgRemote), Is.EqualTo(3), "pass-ungoverned, the shared policy, deny-governed");
    }

    [Test]
    public void The_remote_policy_of_an_sg_gathers_the_rules_of_every_sg_that_names_it_in_sg_order()
    {
        var result = Render(Snapshot([Sg(Db, ingress: [Perm("tcp", 5432, 5432, groups: [App])]), Sg(App, ingress: [Perm("tcp", 80, 80, groups: [App])])]));
        var remote = Policy(result, "sg-remote.for-" + App);
        Assert.That(remote.Spec.Egress!.Select(r => r.Metadata!.Annotations![LabelKeys.SecurityGroupId]), Is.EqualTo(new[] { App, Db }));
        Assert.That(remote.Metadata.Labels!.Keys.Where(k => k.StartsWith(LabelKeys.RulesFromPrefix, StringComparison.Ordinal)), Is.EquivalentTo(new[] { LabelKeys.RulesFrom(App), LabelKeys.RulesFrom(Db) }));
    }

    [Test]
    public void Every_remote_part_is_labelled_with_exactly_the_sgs_and_prefix_lists_of_its_own_rules()
    {
        // 2,000 SGs: each address-peer bucket holds about 2,000 rules in one direction, so it is split.
        var (snapshot, config) = SyntheticAccount.Generate(2_000, 8_000, 20240601);
        var parts = Translator.Render(snapshot, config).Objects.OfType<GlobalNetworkPolicy>()
            .Select(p => (Policy: p, Target: RemoteTarget.FromLabels(p.Metadata.Labels)))
            .Where(p => p.Target is not null)
            .ToList();
        Assert.That(parts.Count(p => PolicyNames.PartOf(p.Policy.Metadata.Name, p.Target!.PolicyName) > 1), Is.GreaterThan(8), "buckets are split");
        foreach (var (part, _) in parts)
        {
            var rules = (part.Spec.Ingress ?? []).Concat(part.Spec.Egress ?? []).ToList();
            var expected = rules.Select(r => LabelKeys.RulesFrom(r.Metadata!.Annotations![LabelKeys.SecurityGroupId]))
                .Concat(rules.SelectMany(r => new[] { r.Source?.Selector, r.Destination?.Selector })
                    .Select(Selectors.PrefixListOf).OfType<string>().Select(LabelKeys.PrefixListReference))
                .ToHashSet(StringComparer.Ordinal);
            var labelled = part.Metadata.Labels!.Keys
                .Where(k => k.StartsWith(LabelKeys.RulesFromPrefix, StringComparison.Ordinal) || k.StartsWith(LabelKeys.PrefixListReferencePrefix, StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            Assert.That(labelled, Is.EquivalentTo(expected), part.Metadata.Name);
        }
    }

    [Test]
    public void Pods_of_exempt_namespaces_are_members_of_the_node_and_pod_default_sgs_by_namespace_only()
    {
        const string Node = "sg-0node000000000001";
        const string PodDefault = "sg-0pod0000000000001";
        var config = Config() with { NodeSecurityGroupIds = [Node], PodSecurityGroupId = PodDefault, ExemptNamespaces = ["kube-system", "ops"] };
        var result = Render(Snapshot([Sg(App), Sg(Node), Sg(PodDefault)]), config);
        const string Exempt = "{'kube-system', 'ops'}";

        Assert.That(Policy(result, "sg-local." + App).Spec.Selector,
            Is.EqualTo($"has(sg.aws.tigera.io/{App}) && projectcalico.org/namespace not in {Exempt}"), "a claimed SG: labels outside the exempt namespaces");
        foreach (var unclaimed in new[] { Node, PodDefault })
        {
            Assert.That(Policy(result, "sg-local." + unclaimed).Spec.Selector,
                Is.EqualTo($"(has(sg.aws.tigera.io/{unclaimed}) && projectcalico.org/namespace not in {Exempt}) || projectcalico.org/namespace in {Exempt}"),
                "node and pod-default SGs: also every pod of an exempt namespace");
        }
        var none = Render(Snapshot([Sg(App)]), config with { ExemptNamespaces = [] });
        Assert.That(Policy(none, "sg-local." + App).Spec.Selector, Is.EqualTo($"has(sg.aws.tigera.io/{App})"), "no exempt namespace: the label alone");
    }

    [Test]
    public void Policies_over_the_rule_limit_are_split_into_numbered_parts()
    {
        var permissions = Enumerable.Range(1, 1500).Select(i => Perm("tcp", i, i, cidrs: ["10.0.0.0/8"])).ToArray();
        var result = Render(Snapshot([Sg(App, ingress: permissions)]));
        var parts = result.Objects.OfType<GlobalNetworkPolicy>().Where(p => p.Metadata.Name.StartsWith("sg-local." + App, StringComparison.Ordinal)).ToList();
        Assert.That(parts.Select(p => p.Metadata.Name), Is.EqualTo(new[] { "sg-local." + App, "sg-local." + App + "-2" }));
        Assert.That(parts.Select(p => p.Spec.Ingress!.Count), Is.EqualTo(new[] { 1024, 476 }));
        Assert.That(parts.Select(p => p.Spec.Selector), Is.All.EqualTo("has(sg.aws.tigera.io/sg-0app0000000000001)" + Vetted));
        Assert.That(parts.Select(p => p.Metadata.Name.Count(c => c == '.')), Is.All.EqualTo(1));
    }

    [Test]
    public void Vpc_member_host_endpoint_has_all_private_ips_labels_and_the_member_node()
    {
        var eni = Eni("eni-0member", [App, TrustSg], ["10.0.1.5", "10.0.1.6"], instance: "i-0abc", ipv6: ["2001:db8::5"]);
        var hep = Render(Snapshot([Sg(App)], [eni])).Objects.OfType<HostEndpoint>().Single();
        Assert.That(hep.Metadata.Name, Is.EqualTo("eni-0member"));
        Assert.That(hep.Spec.Node, Is.EqualTo("sglambda-vpc-members"));
        Assert.That(hep.Spec.InterfaceName, Is.Null);
        Assert.That(hep.Spec.Profiles, Is.Null);
        Assert.That(hep.Spec.ExpectedIPs, Is.EqualTo(new[] { "10.0.1.5", "10.0.1.6", "2001:db8::5" }));
        Assert.That(hep.Metadata.Labels, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["app.kubernetes.io/managed-by"] = "sglambda",
            ["sg.aws.tigera.io/sg-0app0000000000001"] = "",
            ["sglambda.io/endpoint-kind"] = "vpc-member",
            ["sglambda.io/eni-id"] = "eni-0member",
            ["sglambda.io/instance-id"] = "i-0abc",
            ["sglambda.io/resource-type"] = "ec2-instance",
            ["sglambda.io/sg-governed"] = "true",
            ["sglambda.io/vpc-id"] = VpcId,
        }));
    }

    [Test]
    public void Eni_with_only_internal_sgs_or_none_is_not_governed()
    {
        var heps = Render(Snapshot([], [Eni("eni-0trustonly", [TrustSg], ["10.0.1.5"]), Eni("eni-0nat", [], ["10.0.1.7"], interfaceType: "nat_gateway")]))
            .Objects.OfType<HostEndpoint>().ToList();
        Assert.That(heps, Has.Count.EqualTo(2));
        Assert.That(heps.Select(h => h.Metadata.Labels!.ContainsKey(LabelKeys.SgGoverned)), Is.All.False);
        Assert.That(heps.Single(h => h.Metadata.Name == "eni-0nat").Metadata.Labels![LabelKeys.ResourceType], Is.EqualTo("nat-gateway"));
    }

    [TestCase("RDSNetworkInterface", null, "amazon-rds", "rds")]
    [TestCase("ELB app/my-alb/50dc6c495c0c9188", null, null, "elb")]
    [TestCase("AWS Lambda VPC ENI-my-function", "lambda", null, "lambda")]
    [TestCase("VPC Endpoint Interface vpce-0123", "vpc_endpoint", null, "vpc-endpoint")]
    [TestCase("Amazon EKS demo", null, null, "eks-control-plane")]
    [TestCase("Interface for NAT Gateway nat-0123", "nat_gateway", null, "nat-gateway")]
    [TestCase("something else", null, null, "other")]
    public void Resource_type_comes_from_interface_type_description_and_requester(string description, string? type, string? requester, string expected)
    {
        var eni = Eni("eni-0x", [App], ["10.0.1.5"], interfaceType: type ?? "interface", description: description) with { RequesterId = requester };
        var hep = Render(Snapshot([Sg(App)], [eni])).Objects.OfType<HostEndpoint>().Single();
        Assert.That(hep.Metadata.Labels![LabelKeys.ResourceType], Is.EqualTo(expected));
    }

    [Test]
    public void Node_from_provider_id_gets_node_host_endpoint_with_primary_ip_only()
    {
        var primary = Eni("eni-0node", [App, EnforcedSg], ["10.0.2.10", "10.0.2.11", "10.0.2.12"], instance: "i-0node", dnsName: "ip-10-0-2-10.ec2.internal");
        var secondary = Eni("eni-0nodesecond", [App], ["10.0.2.20", "10.0.2.21"], instance: "i-0node", deviceIndex: 1);
        var result = Render(Snapshot([Sg(App)], [primary, secondary], nodes: [new KubernetesNode("worker-a", "i-0node")]));
        var hep = result.Objects.OfType<HostEndpoint>().Single();
        Assert.That(hep.Metadata.Name, Is.EqualTo("node.worker-a"));
        Assert.That(hep.Spec.Node, Is.EqualTo("worker-a"));
        Assert.That(hep.Spec.InterfaceName, Is.EqualTo("*"));
        Assert.That(hep.Spec.ExpectedIPs, Is.EqualTo(new[] { "10.0.2.10" }));
        Assert.That(hep.Spec.Profiles, Is.EqualTo(new[] { "projectcalico-default-allow" }));
        Assert.That(hep.Metadata.Labels![LabelKeys.EndpointKind], Is.EqualTo("cluster-node"));
        Assert.That(hep.Metadata.Labels.Keys, Has.None.EqualTo(LabelKeys.SecurityGroup(EnforcedSg)));
    }

    [Test]
    public void Instance_whose_primary_eni_carries_the_enforced_sg_is_a_node_before_it_registers()
    {
        var primary = Eni("eni-0new", [App, EnforcedSg], ["10.0.3.10", "10.0.3.11"], instance: "i-0new", dnsName: "ip-10-0-3-10.ec2.internal");
        var hep = Render(Snapshot([Sg(App)], [primary])).Objects.OfType<HostEndpoint>().Single();
        Assert.That(hep.Metadata.Name, Is.EqualTo("node.ip-10-0-3-10.ec2.internal"));
        Assert.That(hep.Spec.ExpectedIPs, Is.EqualTo(new[] { "10.0.3.10" }));
    }

    [Test]
    public void Without_node_enforcement_node_host_endpoints_sit_on_the_member_node()
    {
        var primary = Eni("eni-0node", [App, EnforcedSg], ["10.0.2.10"], instance: "i-0node");
        var hep = Render(Snapshot([Sg(App)], [primary], nodes: [new KubernetesNode("worker-a", "i-0node")]), Config(enforceNodes: false))
            .Objects.OfType<HostEndpoint>().Single();
        Assert.That(hep.Spec.Node, Is.EqualTo("sglambda-vpc-members"));
        Assert.That(hep.Spec.InterfaceName, Is.Null);
        Assert.That(hep.Metadata.Labels![LabelKeys.EndpointKind], Is.EqualTo("cluster-node"));
    }

    [Test]
    public void Branch_trunk_and_vpc_cni_enis_get_no_host_endpoint()
    {
        var enis = new[]
        {
            Eni("eni-0branch", [App], ["10.0.4.1"], interfaceType: "branch"),
            Eni("eni-0trunk", [App], ["10.0.4.2"], instance: "i-0x", deviceIndex: 2, interfaceType: "trunk"),
            Eni("eni-0cni", [App], ["10.0.4.3"], instance: "i-0y", deviceIndex: 1, description: "aws-K8S-i-0y"),
            Eni("eni-0cnitag", [App], ["10.0.4.4"], tags: [new Tag { Key = "node.k8s.amazonaws.com/instance_id", Value = "i-0z" }]),
        };
        Assert.That(Render(Snapshot([Sg(App)], enis)).Objects.OfType<HostEndpoint>(), Is.Empty);
    }

    [Test]
    public void Metadata_policy_denies_pods_without_the_allow_label_by_default()
    {
        var policy = Policy(Render(Snapshot([])), "metadata.instance-metadata");
        Assert.That(policy.Spec.Selector, Is.EqualTo("has(projectcalico.org/namespace) && aws.tigera.io/allow-metadata-access != 'true'"));
        Assert.That(policy.Spec.Types, Is.EqualTo(new[] { "Egress" }));
        Assert.That(policy.Spec.Egress!.Select(r => (r.Action, r.Destination!.Nets!.Single())), Is.EqualTo(new[] { ("Deny", "169.254.169.254/32"), ("Deny", "fd00:ec2::254/128") }));
        var allowed = Policy(Translator.Render(Snapshot([]), Config() with { DefaultPodMetadataAccess = MetadataAccess.Allowed }), "metadata.instance-metadata");
        Assert.That(allowed.Spec.Selector, Is.EqualTo("has(projectcalico.org/namespace) && has(aws.tigera.io/allow-metadata-access) && aws.tigera.io/allow-metadata-access != 'true'"));
    }

    [Test]
    public void Aws_services_policy_passes_the_vpc_resolver_time_sync_and_metadata()
    {
        var egress = Policy(Render(Snapshot([])), "sg-local.aws-services").Spec.Egress!;
        Assert.That(egress.Select(r => r.Destination!.Nets), Is.EqualTo(new[]
        {
            new[] { "10.0.0.2/32", "169.254.169.253/32", "169.254.169.123/32", "169.254.169.254/32" },
            new[] { "fd00:ec2::253/128", "fd00:ec2::123/128", "fd00:ec2::254/128" },
        }));
    }

    [Test]
    public void Every_policy_writes_types_and_never_allows()
    {
        var snapshot = Snapshot([Sg(App, ingress: [Perm("-1", groups: [App])], egress: [Perm("-1", cidrs: ["0.0.0.0/0"])])]);
        var policies = Render(snapshot).Objects.OfType<GlobalNetworkPolicy>().ToList();
        Assert.That(policies.Select(p => p.Spec.Types), Is.All.Not.Null.And.Not.Empty);
        var actions = policies.SelectMany(p => (p.Spec.Ingress ?? []).Concat(p.Spec.Egress ?? [])).Select(r => r.Action).Distinct();
        Assert.That(actions, Is.SubsetOf(new[] { "Pass", "Deny" }));
    }

    [Test]
    public void Serialized_policy_has_kubernetes_shape()
    {
        var json = Json(Policy(Render(Snapshot([Sg(App, ingress: [Perm("tcp", 80, 80, cidrs: ["10.0.0.0/8"])])])), "sg-local." + App));
        Assert.That(json["apiVersion"]!.GetValue<string>(), Is.EqualTo("projectcalico.org/v3"));
        Assert.That(json["kind"]!.GetValue<string>(), Is.EqualTo("GlobalNetworkPolicy"));
        Assert.That(json["spec"]!["ingress"]![0]!["destination"]!["ports"]![0]!.GetValue<int>(), Is.EqualTo(80));
        Assert.That(json["spec"]!["ingress"]![0]!["protocol"]!.GetValue<string>(), Is.EqualTo("TCP"));
    }
}
