using System.Collections.Immutable;
using System.Net;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Evaluation;
using static SgLambda.Diagnostics.Tests.Evaluation.CalicoObjects;

namespace SgLambda.Diagnostics.Tests.Evaluation;

public class CalicoEvaluatorTests
{
    private const string Web = "10.0.1.1";          // pod default/web, app=web
    private const string Db = "10.0.1.2";           // pod prod/db, app=db
    private const string XPod = "10.0.1.3";         // pod default/xpod, x=
    private const string Web6 = "fd00:10::1";       // pod default/web6, app=web
    private const string Node = "10.0.0.10";        // HostEndpoint node.n1 on Kubernetes node n1
    private const string Member = "10.0.2.1";       // HostEndpoint eni-1 on the member node name, x=
    private const string InSet = "203.0.113.5";     // in GlobalNetworkSet pl-1, x=
    private const string Internet = "198.51.100.7";

    private static readonly Pod[] Pods =
    [
        Pod("default", "web", Web, "app=web"),
        Pod("prod", "db", Db, "app=db;sg.aws.tigera.io/sg-1="),
        Pod("default", "xpod", XPod, "x="),
        Pod("default", "web6", Web6, "app=web"),
        Pod("prod", "other", "10.0.1.4"),
    ];

    private static CalicoEvaluator World(params CalicoObject[] objects) => World(null, objects);

    private static CalicoEvaluator World(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? namespaceLabels,
        params CalicoObject[] objects)
    {
        CalicoObject[] fixedObjects =
        [
            HostEndpoint("node.n1", "n1", "sglambda.io/endpoint-kind=cluster-node", [Node]),
            HostEndpoint("eni-1", "sglambda-vpc-members", "sglambda.io/endpoint-kind=vpc-member;x=", [Member]),
            NetworkSet("pl-1", "x=", "203.0.113.0/24"),
        ];
        return new CalicoEvaluator([.. fixedObjects, .. objects], Pods, ["n1"], namespaceLabels);
    }

    private static EntityRule To(string? selector = null, string? namespaceSelector = null, string? notSelector = null) =>
        new() { Selector = selector, NamespaceSelector = namespaceSelector, NotSelector = notSelector };

    private static GlobalNetworkPolicy EgressPolicy(string name, string tier, params Rule[] rules) =>
        Policy(name, tier, types: [PolicyTypes.Egress], egress: rules);

    private static SideOutcome EgressOf(CalicoEvaluator world, Flow flow) => world.Evaluate(flow).Egress!.Outcome;

    [TestCase(20.0, 10.0, "b")]
    [TestCase(10.0, 20.0, "a")]
    [TestCase(null, 10.0, "b")]
    [TestCase(10.0, null, "a")]
    [TestCase(10.0, 10.0, "a")]
    [TestCase(null, null, "a")]
    public void Tiers_run_by_order_then_name_with_absent_orders_last(double? orderA, double? orderB, string decidingTier)
    {
        var world = World(
            Tier("a", orderA), EgressPolicy("a.allow", "a", Rule(RuleActions.Allow)),
            Tier("b", orderB), EgressPolicy("b.deny", "b", Rule(RuleActions.Deny)));

        var side = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!;

        Assert.That(side.DecidingStep!.Tier, Is.EqualTo(decidingTier));
        Assert.That(side.Outcome, Is.EqualTo(decidingTier == "a" ? SideOutcome.Allowed : SideOutcome.Denied));
    }

    [TestCase(1.0, 2.0, "p", RuleActions.Deny)]
    [TestCase(2.0, 1.0, "q", RuleActions.Allow)]
    [TestCase(null, 5.0, "q", RuleActions.Allow)]
    [TestCase(5.0, 5.0, "p", RuleActions.Deny)]
    public void Policies_in_a_tier_run_by_order_then_name(double? orderP, double? orderQ, string decidingPolicy, string action)
    {
        var world = World(
            Tier("t", 1),
            Policy("p", "t", orderP, types: [PolicyTypes.Egress], egress: [Rule(RuleActions.Deny)]),
            Policy("q", "t", orderQ, types: [PolicyTypes.Egress], egress: [Rule(RuleActions.Allow)]));

        var step = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!.DecidingStep!;

        Assert.That((step.Policy, step.Action), Is.EqualTo((decidingPolicy, action)));
    }

    [Test]
    public void Pass_goes_on_to_the_next_tier()
    {
        var world = World(
            Tier("first", 1), EgressPolicy("first.pass", "first", Rule(RuleActions.Pass), Rule(RuleActions.Allow)),
            Tier("second", 2), EgressPolicy("second.deny", "second", Rule(RuleActions.Deny)));

        var side = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!;

        Assert.That(side.Outcome, Is.EqualTo(SideOutcome.Denied));
        Assert.That(side.Trace.Select(step => $"{step.Tier}:{step.Action}"), Is.EqualTo(new[] { "first:Pass", "second:Deny" }));
    }

    [Test]
    public void Log_is_noted_and_evaluation_goes_on()
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t", Rule(RuleActions.Log), Rule(RuleActions.Allow)));

        var side = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!;

        Assert.That(side.Outcome, Is.EqualTo(SideOutcome.Allowed));
        Assert.That(side.Trace.Select(step => (step.Action, step.RuleIndex)), Is.EqualTo(new[] { (RuleActions.Log, (int?)0), (RuleActions.Allow, (int?)1) }));
    }

    [TestCase(null, SideOutcome.Denied)]
    [TestCase(RuleActions.Deny, SideOutcome.Denied)]
    [TestCase(RuleActions.Pass, SideOutcome.Allowed)]
    public void When_no_rule_matches_the_tier_default_decides(string? defaultAction, SideOutcome expected)
    {
        var world = World(Tier("t", 1, defaultAction), EgressPolicy("t.udp", "t", Rule(RuleActions.Allow, protocol: "UDP")));

        var side = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!;

        Assert.That(side.Outcome, Is.EqualTo(expected));
        Assert.That(side.Trace[0].Kind, Is.EqualTo(TraceStepKind.TierDefault));
        Assert.That(side.Trace[0].Action, Is.EqualTo(defaultAction ?? RuleActions.Deny));
    }

    [Test]
    public void A_tier_without_an_applicable_policy_is_skipped()
    {
        var world = World(Tier("t", 1), Policy("t.db", "t", selector: "app == 'db'", types: [PolicyTypes.Egress], egress: [Rule(RuleActions.Deny)]));

        var side = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!;

        Assert.That(side.Outcome, Is.EqualTo(SideOutcome.Allowed));
        Assert.That(side.Trace.Single().Kind, Is.EqualTo(TraceStepKind.Profile));
    }

    [Test]
    public void Without_types_a_policy_applies_to_ingress_and_to_egress_only_when_it_has_egress_rules()
    {
        var ingressOnly = World(Tier("t", 1), Policy("t.in", "t", ingress: [Rule(RuleActions.Deny)]));
        var both = World(Tier("t", 1), Policy("t.both", "t", ingress: [Rule(RuleActions.Allow)], egress: [Rule(RuleActions.Deny)]));
        var explicitEgress = World(Tier("t", 1), Policy("t.out", "t", types: [PolicyTypes.Egress]));

        Assert.That(EgressOf(ingressOnly, Flow.Tcp(Web, Internet, 80)), Is.EqualTo(SideOutcome.Allowed));
        Assert.That(ingressOnly.Evaluate(Flow.Tcp(Internet, Web, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Denied));
        Assert.That(EgressOf(both, Flow.Tcp(Web, Internet, 80)), Is.EqualTo(SideOutcome.Denied));
        // An applicable policy with no rules leaves the flow to the tier default (Deny).
        Assert.That(EgressOf(explicitEgress, Flow.Tcp(Web, Internet, 80)), Is.EqualTo(SideOutcome.Denied));
        Assert.That(explicitEgress.Evaluate(Flow.Tcp(Internet, Web, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Allowed));
    }

    [Test]
    public void After_the_tiers_pods_are_allowed_by_their_namespace_profile()
    {
        var side = World().Evaluate(Flow.Tcp(Db, Web, 80)).Ingress!;

        Assert.That(side.Outcome, Is.EqualTo(SideOutcome.Allowed));
        Assert.That(side.DecidingStep, Is.EqualTo(new TraceStep(TraceStepKind.Profile, RuleActions.Allow, Policy: "kns.default")));
    }

    [Test]
    public void After_the_tiers_a_host_endpoint_is_allowed_only_with_the_default_allow_profile()
    {
        var withoutProfile = World();
        var withProfile = new CalicoEvaluator(
            [HostEndpoint("node.n1", "n1", "", [Node], [CalicoEvaluator.DefaultAllowProfile])], Pods, ["n1"]);

        Assert.That(withoutProfile.Evaluate(Flow.Tcp(Web, Node, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Denied));
        Assert.That(withoutProfile.Evaluate(Flow.Tcp(Node, Web, 80)).Egress!.Outcome, Is.EqualTo(SideOutcome.Denied));
        Assert.That(withProfile.Evaluate(Flow.Tcp(Web, Node, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Allowed));
    }

    [Test]
    public void Only_host_endpoints_on_Kubernetes_nodes_are_enforced()
    {
        var world = World();

        var toMember = world.Evaluate(Flow.Tcp(Web, Member, 80));
        var fromMember = world.Evaluate(Flow.Tcp(Member, Web, 80));
        var toNode = world.Evaluate(Flow.Tcp(Web, Node, 80));

        Assert.That(toMember.DestinationEndpoint!.Name, Is.EqualTo("eni-1"));
        Assert.That(toMember.Ingress, Is.Null);
        Assert.That(fromMember.Egress, Is.Null);
        Assert.That(fromMember.Ingress!.Endpoint.Name, Is.EqualTo("web"));
        Assert.That(toNode.Ingress!.Endpoint.Name, Is.EqualTo("node.n1"));
    }

    [TestCase(XPod, SideOutcome.Denied)]
    [TestCase(Member, SideOutcome.Allowed)]
    [TestCase(InSet, SideOutcome.Allowed)]
    [TestCase(Node, SideOutcome.Denied)]
    [TestCase(Internet, SideOutcome.Denied)]
    public void NamespaceSelector_global_limits_a_selector_to_host_endpoints_and_network_sets(string destination, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t",
            Rule(RuleActions.Allow, destination: To("has(x)", "global()")),
            Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Tcp(Web, destination, 80)), Is.EqualTo(expected));
    }

    [TestCase(XPod, SideOutcome.Denied)]
    [TestCase(Node, SideOutcome.Allowed)]
    [TestCase(InSet, SideOutcome.Allowed)]
    [TestCase(Internet, SideOutcome.Denied)]
    public void NamespaceSelector_global_alone_selects_every_host_endpoint_and_network_set(string destination, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t",
            Rule(RuleActions.Allow, destination: To(namespaceSelector: "global()")),
            Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Tcp(Web, destination, 80)), Is.EqualTo(expected));
    }

    [TestCase(XPod, SideOutcome.Allowed)]
    [TestCase(Member, SideOutcome.Allowed)]
    [TestCase(InSet, SideOutcome.Allowed)]
    [TestCase(Db, SideOutcome.Denied)]
    [TestCase(Internet, SideOutcome.Denied)]
    public void A_global_policy_selector_matches_pods_of_every_namespace_host_endpoints_and_network_sets(string destination, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t", Rule(RuleActions.Allow, destination: To("has(x)")), Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Tcp(Web, destination, 80)), Is.EqualTo(expected));
    }

    [TestCase(Web, SideOutcome.Denied)]
    [TestCase("10.0.1.5", SideOutcome.Allowed)]
    public void A_namespaced_policy_selector_matches_only_pods_of_its_namespace(string source, SideOutcome expected)
    {
        var world = new CalicoEvaluator(
            [
                Tier("t", 1),
                NamespacedPolicy("prod", "t.p", "t", ingress: [Rule(RuleActions.Allow, source: To("app == 'web'")), Rule(RuleActions.Deny)]),
            ],
            [.. Pods, Pod("prod", "web2", "10.0.1.5", "app=web")],
            []);

        Assert.That(world.Evaluate(Flow.Tcp(source, Db, 80)).Ingress!.Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void A_namespaced_policy_applies_only_to_pods_of_its_namespace()
    {
        var world = World(Tier("t", 1), NamespacedPolicy("prod", "t.p", "t", ingress: [Rule(RuleActions.Deny)]));

        Assert.That(world.Evaluate(Flow.Tcp(Web, Db, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Denied));
        Assert.That(world.Evaluate(Flow.Tcp(Db, Web, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Allowed));
        Assert.That(world.Evaluate(Flow.Tcp(Web, Node, 80)).Ingress!.DecidingStep!.Kind, Is.EqualTo(TraceStepKind.Profile));
    }

    [TestCase("team == 'a'", Web, SideOutcome.Allowed)]
    [TestCase("team == 'a'", "10.0.1.4", SideOutcome.Denied)]
    [TestCase("projectcalico.org/name == 'prod'", "10.0.1.4", SideOutcome.Allowed)]
    [TestCase("projectcalico.org/name == 'prod'", Web, SideOutcome.Denied)]
    [TestCase("all()", Web, SideOutcome.Allowed)]
    [TestCase("all()", Member, SideOutcome.Denied)]
    public void A_namespace_selector_matches_pods_of_the_namespaces_whose_labels_match(string namespaceSelector, string source, SideOutcome expected)
    {
        var namespaces = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["default"] = LabelSelectorTests.Labels("team=a"),
        };
        var world = World(namespaces, Tier("t", 1), NamespacedPolicy("prod", "t.p", "t",
            ingress: [Rule(RuleActions.Allow, source: To(namespaceSelector: namespaceSelector)), Rule(RuleActions.Deny)]));

        Assert.That(world.Evaluate(Flow.Tcp(source, Db, 80)).Ingress!.Outcome, Is.EqualTo(expected));
    }

    [TestCase(Internet, SideOutcome.Denied)]
    [TestCase(XPod, SideOutcome.Allowed)]
    [TestCase(Member, SideOutcome.Allowed)]
    [TestCase(InSet, SideOutcome.Allowed)]
    public void NotSelector_matches_addresses_outside_the_selected_set(string destination, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t", Rule(RuleActions.Deny, destination: To(notSelector: "has(x)")), Rule(RuleActions.Allow)));

        Assert.That(EgressOf(world, Flow.Tcp(Web, destination, 80)), Is.EqualTo(expected));
    }

    [TestCase(Internet, SideOutcome.Denied)]
    [TestCase(Db, SideOutcome.Denied)]
    [TestCase("10.0.1.4", SideOutcome.Allowed)]
    public void NotSelector_is_not_scoped_but_a_namespaced_rule_with_only_notSelector_selects_its_namespace(string destination, SideOutcome expected)
    {
        // libcalico-go: in a NetworkPolicy the namespace becomes the positive selector as soon as a
        // notSelector is present, so the internet (in no namespace) does not match this rule.
        var world = World(Tier("t", 1), NamespacedPolicy("prod", "t.p", "t", types: [PolicyTypes.Egress],
            egress: [Rule(RuleActions.Allow, destination: To(notSelector: "app == 'db'")), Rule(RuleActions.Deny)]));

        Assert.That(world.Evaluate(Flow.Tcp(Db, destination, 80)).Egress!.Outcome, Is.EqualTo(expected));
    }

    [TestCase(IpProtocols.Tcp, 80, SideOutcome.Allowed)]
    [TestCase(IpProtocols.Tcp, 1000, SideOutcome.Allowed)]
    [TestCase(IpProtocols.Tcp, 1500, SideOutcome.Allowed)]
    [TestCase(IpProtocols.Tcp, 2000, SideOutcome.Allowed)]
    [TestCase(IpProtocols.Tcp, 2001, SideOutcome.Denied)]
    [TestCase(IpProtocols.Tcp, 81, SideOutcome.Denied)]
    [TestCase(IpProtocols.Udp, 80, SideOutcome.Denied)]
    public void Destination_ports_match_single_ports_and_ranges(int protocol, int port, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t",
            Rule(RuleActions.Allow, destination: new EntityRule { Ports = [80, "1000:2000"] }, protocol: "TCP"),
            Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Of(Web, Internet, protocol, port)), Is.EqualTo(expected));
    }

    [Test]
    public void A_rule_with_source_ports_never_matches_because_flows_carry_no_source_port()
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t",
            Rule(RuleActions.Allow, source: new EntityRule { Ports = ["1:65535"] }, protocol: "TCP"),
            Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Tcp(Web, Internet, 80)), Is.EqualTo(SideOutcome.Denied));
    }

    [TestCase(8, 0, 8, 0, SideOutcome.Allowed)]
    [TestCase(8, 0, 8, 1, SideOutcome.Denied)]
    [TestCase(8, 0, 0, 0, SideOutcome.Denied)]
    [TestCase(3, null, 3, 4, SideOutcome.Allowed)]
    [TestCase(null, null, 11, 0, SideOutcome.Allowed)]
    public void Icmp_type_and_code_match_when_given(int? type, int? code, int flowType, int flowCode, SideOutcome expected)
    {
        var rule = new Rule { Action = RuleActions.Allow, Protocol = "ICMP", Icmp = new IcmpFields { Type = type, Code = code } };
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t", rule, Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Icmp(Web, Internet, flowType, flowCode)), Is.EqualTo(expected));
    }

    [Test]
    public void Icmp_rules_do_not_match_icmpv6_and_the_reverse()
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t",
            new Rule { Action = RuleActions.Allow, Protocol = "ICMPv6", Icmp = new IcmpFields { Type = 128 } },
            Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Icmp(Web6, "2001:db8::1", 128, 0)), Is.EqualTo(SideOutcome.Allowed));
        Assert.That(EgressOf(world, Flow.Icmp(Web, Internet, 128, 0)), Is.EqualTo(SideOutcome.Denied));
    }

    [TestCase(4, Web, Internet, SideOutcome.Allowed)]
    [TestCase(4, Web6, "2001:db8::1", SideOutcome.Denied)]
    [TestCase(6, Web6, "2001:db8::1", SideOutcome.Allowed)]
    [TestCase(6, Web, Internet, SideOutcome.Denied)]
    public void IpVersion_restricts_a_rule_to_one_address_family(int ipVersion, string source, string destination, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t", new Rule { Action = RuleActions.Allow, IpVersion = ipVersion }, Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Tcp(source, destination, 443)), Is.EqualTo(expected));
    }

    [TestCase("198.51.100.8", SideOutcome.Allowed)]
    [TestCase(Internet, SideOutcome.Denied)]
    [TestCase("192.0.2.1", SideOutcome.Denied)]
    public void Nets_and_notNets_match_the_peer_address(string destination, SideOutcome expected)
    {
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t",
            Rule(RuleActions.Allow, destination: new EntityRule { Nets = ["198.51.100.0/24"], NotNets = [Internet + "/32"] }),
            Rule(RuleActions.Deny)));

        Assert.That(EgressOf(world, Flow.Tcp(Web, destination, 80)), Is.EqualTo(expected));
    }

    [Test]
    public void In_an_egress_rule_source_is_the_local_endpoint_and_in_an_ingress_rule_destination_is()
    {
        var world = World(Tier("t", 1),
            Policy("t.p", "t", types: [PolicyTypes.Egress, PolicyTypes.Ingress],
                egress: [Rule(RuleActions.Allow, source: To("app == 'web'")), Rule(RuleActions.Deny)],
                ingress: [Rule(RuleActions.Allow, destination: new EntityRule { Nets = [Web + "/32"] }), Rule(RuleActions.Deny)]));

        Assert.That(EgressOf(world, Flow.Tcp(Web, Internet, 80)), Is.EqualTo(SideOutcome.Allowed));
        Assert.That(EgressOf(world, Flow.Tcp(XPod, Internet, 80)), Is.EqualTo(SideOutcome.Denied));
        Assert.That(world.Evaluate(Flow.Tcp(Internet, Web, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Allowed));
        Assert.That(world.Evaluate(Flow.Tcp(Internet, XPod, 80)).Ingress!.Outcome, Is.EqualTo(SideOutcome.Denied));
    }

    [TestCase("TCP", IpProtocols.Tcp)]
    [TestCase("tcp", IpProtocols.Tcp)]
    [TestCase("Udp", IpProtocols.Udp)]
    [TestCase("6", IpProtocols.Tcp)]
    [TestCase("SCTP", IpProtocols.Sctp)]
    [TestCase("udplite", IpProtocols.UdpLite)]
    [TestCase("50", 50)]
    public void Protocols_are_names_in_any_case_or_numbers(string protocol, int number)
    {
        var byName = World(Tier("t", 1), EgressPolicy("t.p", "t", Rule(RuleActions.Allow, protocol: protocol), Rule(RuleActions.Deny)));
        var byNumber = World(Tier("t", 1), EgressPolicy("t.p", "t", Rule(RuleActions.Allow, protocol: number), Rule(RuleActions.Deny)));
        int? port = IpProtocols.HasPorts(number) ? 80 : null;

        Assert.That(EgressOf(byName, Flow.Of(Web, Internet, number, port)), Is.EqualTo(SideOutcome.Allowed));
        Assert.That(EgressOf(byNumber, Flow.Of(Web, Internet, number, port)), Is.EqualTo(SideOutcome.Allowed));
        Assert.That(EgressOf(byName, Flow.Of(Web, Internet, 47)), Is.EqualTo(SideOutcome.Denied));
    }

    [Test]
    public void EvaluateTiers_reports_whether_the_named_tiers_pass_a_flow()
    {
        var world = World(
            Tier(TierNames.SgRemote, TierNames.SgRemoteOrder, RuleActions.Deny),
            Tier(TierNames.SgLocal, TierNames.SgLocalOrder, RuleActions.Deny),
            Tier(TierNames.Metadata, TierNames.MetadataOrder, RuleActions.Pass),
            Tier("user", 200, RuleActions.Deny),
            EgressPolicy("sg-remote.all", TierNames.SgRemote, Rule(RuleActions.Pass)),
            EgressPolicy("sg-local.all", TierNames.SgLocal, Rule(RuleActions.Deny, protocol: "UDP"), Rule(RuleActions.Pass)),
            EgressPolicy("user.deny", "user", Rule(RuleActions.Deny)));

        var tcp = Flow.Tcp(Web, Internet, 80);
        var udp = Flow.Udp(Web, Internet, 53);

        Assert.That(world.EvaluateTiers(tcp, CalicoEvaluator.IntegrationTiers).IsPassed, Is.True);
        Assert.That(world.Evaluate(tcp).IsAllowed, Is.False);
        Assert.That(world.EvaluateTiers(udp, CalicoEvaluator.IntegrationTiers).IsPassed, Is.False);
        Assert.That(world.EvaluateTiers(udp, CalicoEvaluator.IntegrationTiers).Egress!.DecidingStep!.Policy, Is.EqualTo("sg-local.all"));
        // A flow with no enforced side is not policed at all.
        Assert.That(world.EvaluateTiers(Flow.Tcp(Member, Internet, 80), CalicoEvaluator.IntegrationTiers).Sides, Is.Empty);
    }

    [Test]
    public void The_trace_carries_the_deciding_rule_annotations()
    {
        var annotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [KeyValuePair.Create("sglambda.io/rule-id", "sgr-0abc")]);
        var world = World(Tier("t", 1), EgressPolicy("t.p", "t", new Rule { Action = RuleActions.Deny, Metadata = new RuleMetadata { Annotations = annotations } }));

        var step = world.Evaluate(Flow.Tcp(Web, Internet, 80)).Egress!.DecidingStep!;

        Assert.That(step.Annotations, Is.EqualTo(annotations));
        Assert.That(step.ToString(), Is.EqualTo("tier t -> policy t.p -> rule 0 -> Deny sglambda.io/rule-id=sgr-0abc"));
    }

    [Test]
    public void An_address_belongs_to_its_pod_before_any_host_endpoint()
    {
        var world = new CalicoEvaluator([HostEndpoint("node.n1", "n1", "", [Node, Web])], Pods, ["n1"]);

        Assert.That(world.FindEndpoint(IPAddress.Parse(Web))!.Kind, Is.EqualTo(CalicoEndpointKind.Pod));
        Assert.That(world.FindEndpoint(IPAddress.Parse(Node))!.Kind, Is.EqualTo(CalicoEndpointKind.HostEndpoint));
        Assert.That(world.FindEndpoint(IPAddress.Parse(Internet)), Is.Null);
    }

    [Test]
    public void Pods_carry_the_labels_Calico_adds_and_cannot_fake_their_namespace()
    {
        var world = new CalicoEvaluator([], [Pod("default", "forger", Web, "projectcalico.org/namespace=kube-system")], []);

        var labels = world.FindEndpoint(IPAddress.Parse(Web))!.Labels;

        Assert.That(labels["projectcalico.org/namespace"], Is.EqualTo("default"));
        Assert.That(labels[CalicoEvaluator.OrchestratorLabel], Is.EqualTo("k8s"));
        Assert.That(labels["pcns.projectcalico.org/name"], Is.EqualTo("default"));
    }

    [Test]
    public void Invalid_policies_are_reported_when_the_evaluator_is_built()
    {
        Assert.Throws<SelectorSyntaxException>(() => World(Policy("bad", null, selector: "has(x")));
        Assert.Throws<FormatException>(() => World(EgressPolicy("bad", "t", Rule(RuleActions.Allow, protocol: "IGMPX"))));
        Assert.Throws<FormatException>(() => World(EgressPolicy("bad", "t", Rule("Accept"))));
    }
}
