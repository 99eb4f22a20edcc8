using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.Cel;

namespace SgLambda.Emulators.Tests.Kubernetes.Cel;

/// <summary>
/// Every <c>x-kubernetes-validations</c> rule of the Calico CRDs, each with a <c>self</c> that satisfies it and
/// one that breaks it. A CRD update that adds a rule fails <see cref="Every_rule_in_the_CRDs_is_covered_here"/>
/// until it is added here (and the validator fails to load if the interpreter cannot run it).
/// </summary>
public class CalicoCrdRulesTests
{
    private static readonly (string Rule, string Holds, string Breaks)[] Rules =
    [
        ("!((has(self.doNotTrack) && self.doNotTrack) && (has(self.preDNAT) && self.preDNAT))",
            """{"doNotTrack": true}""", """{"doNotTrack": true, "preDNAT": true}"""),
        ("(!has(self.preDNAT) || !self.preDNAT) || !has(self.egress) || size(self.egress) == 0",
            """{"preDNAT": true, "egress": []}""", """{"preDNAT": true, "egress": [{"action": "Deny"}]}"""),
        ("(!has(self.preDNAT) || !self.preDNAT) || !has(self.types) || !self.types.exists(t, t == 'Egress')",
            """{"preDNAT": true, "types": ["Ingress"]}""", """{"preDNAT": true, "types": ["Ingress", "Egress"]}"""),
        ("(has(self.applyOnForward) && self.applyOnForward) || ((!has(self.doNotTrack) || !self.doNotTrack) && (!has(self.preDNAT) || !self.preDNAT))",
            """{"preDNAT": true, "applyOnForward": true}""", """{"preDNAT": true, "applyOnForward": false}"""),
        ("!has(self.selector) || !self.selector.contains('global(')",
            """{"selector": "all()"}""", """{"selector": "has(a) && global()"}"""),
        ("!has(self.serviceAccountSelector) || !self.serviceAccountSelector.contains('global(')",
            """{}""", """{"serviceAccountSelector": "global()"}"""),
        ("!has(self.namespaceSelector) || !self.namespaceSelector.contains('global(')",
            """{"namespaceSelector": "team == 'a'"}""", """{"namespaceSelector": "global()"}"""),
        ("!has(self.http) || !has(self.protocol) || self.protocol == 'TCP' || self.protocol == 6",
            """{"http": {}, "protocol": 6}""", """{"http": {}, "protocol": "UDP"}"""),
        ("self.action == 'Allow' || !has(self.http)",
            """{"action": "Allow", "http": {}}""", """{"action": "Pass", "http": {}}"""),
        ("!has(self.destination) || !has(self.destination.services) || (!has(self.destination.ports) || size(self.destination.ports) == 0) && (!has(self.destination.notPorts) || size(self.destination.notPorts) == 0)",
            """{"destination": {"services": {"name": "web"}, "ports": []}}""", """{"destination": {"services": {"name": "web"}, "notPorts": [80]}}"""),
        ("!has(self.icmp) || (has(self.protocol) && (self.protocol == 'ICMP' || self.protocol == 'ICMPv6' || self.protocol == 1 || self.protocol == 58))",
            """{"icmp": {"type": 128}, "protocol": 58}""", """{"icmp": {"type": 8}}"""),
        ("(!has(self.protocol) || (self.protocol != 'ICMP' && self.protocol != 1)) || !has(self.ipVersion) || self.ipVersion == 4",
            """{"protocol": 1, "ipVersion": 4}""", """{"protocol": 1, "ipVersion": 6}"""),
        ("(!has(self.protocol) || (self.protocol != 'ICMPv6' && self.protocol != 58)) || !has(self.ipVersion) || self.ipVersion == 6",
            """{"protocol": "ICMPv6", "ipVersion": 6}""", """{"protocol": "ICMPv6", "ipVersion": 4}"""),
        ("(!has(self.notProtocol) || (self.notProtocol != 'ICMP' && self.notProtocol != 1)) || !has(self.ipVersion) || self.ipVersion == 4",
            """{"notProtocol": "ICMP"}""", """{"notProtocol": "ICMP", "ipVersion": 6}"""),
        ("(!has(self.notProtocol) || (self.notProtocol != 'ICMPv6' && self.notProtocol != 58)) || !has(self.ipVersion) || self.ipVersion == 6",
            """{"notProtocol": 58, "ipVersion": 6}""", """{"notProtocol": 58, "ipVersion": 4}"""),
        ("!has(self.services) || !has(self.namespaceSelector) || size(self.namespaceSelector) == 0",
            """{"services": {"name": "web"}, "namespaceSelector": ""}""", """{"services": {"name": "web"}, "namespaceSelector": "all()"}"""),
        ("!has(self.services) || !has(self.serviceAccounts)",
            """{"serviceAccounts": {"names": ["a"]}}""", """{"services": {"name": "web"}, "serviceAccounts": {}}"""),
        ("!has(self.services) || size(self.services.name) > 0",
            """{"services": {"name": "web"}}""", """{"services": {"name": ""}}"""),
        ("!has(self.services) || (!has(self.selector) || size(self.selector) == 0) && (!has(self.notSelector) || size(self.notSelector) == 0)",
            """{"services": {"name": "web"}, "selector": ""}""", """{"services": {"name": "web"}, "notSelector": "a == 'b'"}"""),
        ("!has(self.services) || (!has(self.nets) || size(self.nets) == 0) && (!has(self.notNets) || size(self.notNets) == 0)",
            """{"nets": ["10.0.0.0/8"]}""", """{"services": {"name": "web"}, "notNets": ["10.0.0.0/8"]}"""),
        ("!has(self.code) || has(self.type)",
            """{"type": 3, "code": 4}""", """{"code": 4}"""),
        ("(has(self.interfaceName) && size(self.interfaceName) > 0) || (has(self.expectedIPs) && size(self.expectedIPs) > 0)",
            """{"expectedIPs": ["10.0.0.1"]}""", """{"interfaceName": "", "expectedIPs": []}"""),
        ("has(self.node) && size(self.node) > 0",
            """{"node": "ip-10-0-1-7.ec2.internal"}""", """{"node": ""}"""),
        ("self.metadata.name == 'kube-admin' ? (has(self.spec.defaultAction) && self.spec.defaultAction == 'Pass') : true",
            """{"metadata": {"name": "kube-admin"}, "spec": {"defaultAction": "Pass"}}""", """{"metadata": {"name": "kube-admin"}, "spec": {}}"""),
        ("self.metadata.name == 'kube-baseline' ? (has(self.spec.defaultAction) && self.spec.defaultAction == 'Pass') : true",
            """{"metadata": {"name": "sg-local"}, "spec": {"defaultAction": "Deny"}}""", """{"metadata": {"name": "kube-baseline"}, "spec": {"defaultAction": "Deny"}}"""),
        ("self.metadata.name == 'default' ? (has(self.spec.defaultAction) && self.spec.defaultAction == 'Deny') : true",
            """{"metadata": {"name": "default"}, "spec": {"defaultAction": "Deny"}}""", """{"metadata": {"name": "default"}, "spec": {"defaultAction": "Pass"}}"""),
        ("self.metadata.name != 'default' || (has(self.spec.order) && self.spec.order == 1000000.0)",
            """{"metadata": {"name": "default"}, "spec": {"order": 1000000}}""", """{"metadata": {"name": "default"}, "spec": {"order": 106}}"""),
        ("self.metadata.name != 'kube-admin' || (has(self.spec.order) && self.spec.order == 1000.0)",
            """{"metadata": {"name": "kube-admin"}, "spec": {"order": 1000.0}}""", """{"metadata": {"name": "kube-admin"}, "spec": {}}"""),
        ("self.metadata.name != 'kube-baseline' || (has(self.spec.order) && self.spec.order == 10000000.0)",
            """{"metadata": {"name": "kube-baseline"}, "spec": {"order": 10000000}}""", """{"metadata": {"name": "kube-baseline"}, "spec": {"order": 1e8}}"""),
    ];

    private static IEnumerable<TestCaseData> Examples(bool holds) =>
        Rules.Select(rule => new TestCaseData(rule.Rule, holds ? rule.Holds : rule.Breaks).SetArgDisplayNames(Shorten(rule.Rule), holds ? rule.Holds : rule.Breaks));

    private static IEnumerable<TestCaseData> Holding() => Examples(holds: true);

    private static IEnumerable<TestCaseData> Breaking() => Examples(holds: false);

    [Test]
    public void Every_rule_in_the_CRDs_is_covered_here()
    {
        var inCrds = CalicoCrdsFolder.ApiVersions
            .SelectMany(apiVersion => CalicoCrdsFolder.Validator(apiVersion).Versions)
            .SelectMany(version => version.Structural.AllRules())
            .Select(located => located.Rule.Rule.Trim())
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(inCrds, Is.EquivalentTo(Rules.Select(rule => rule.Rule)));
    }

    [TestCaseSource(nameof(Holding))]
    public void The_rule_holds_for_a_valid_object(string rule, string self)
    {
        Assert.That(CelEvaluator.Evaluate(CelParser.Parse(rule, "self"), JsonNode.Parse(self)), Is.True);
    }

    [TestCaseSource(nameof(Breaking))]
    public void The_rule_fails_for_an_invalid_object(string rule, string self)
    {
        Assert.That(CelEvaluator.Evaluate(CelParser.Parse(rule, "self"), JsonNode.Parse(self)), Is.False);
    }

    private static string Shorten(string rule) => rule.Length > 60 ? rule[..57] + "..." : rule;
}
