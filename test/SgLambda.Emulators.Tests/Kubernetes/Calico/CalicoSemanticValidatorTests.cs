using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Emulators.Tests.Kubernetes.Calico;

public class CalicoSemanticValidatorTests
{
    private const string NameLabel = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string PortsNeedProtocol = "rules that specify ports must set protocol to TCP or UDP or SCTP";

    private static IEnumerable<TestCaseData> ValidObjects() =>
        from apiVersion in CalicoCrdsFolder.ApiVersions
        from name in Fixtures.ValidObjectNames
        select new TestCaseData(apiVersion, name).SetArgDisplayNames(apiVersion, name);

    [TestCaseSource(nameof(ValidObjects))]
    public void A_valid_object_has_no_errors(string apiVersion, string fixture)
    {
        var errors = CalicoSemanticValidator.Validate(Fixtures.Valid(fixture, apiVersion));

        Assert.That(errors.Select(error => error.ToString()), Is.Empty);
    }

    /// <summary>Edits Calico accepts although they look unusual.</summary>
    private static IEnumerable<(string Fixture, string Pointer, string Json)> AcceptedEdits()
    {
        yield return ("globalnetworkpolicy", "/spec/ingress/0/destination/ports/0", "\"https\"");
        yield return ("globalnetworkpolicy", "/spec/ingress/0/destination/ports/0", "\"443\"");
        yield return ("globalnetworkpolicy", "/spec/ingress/0/destination/ports/0", "\"1:65535\"");
        yield return ("globalnetworkpolicy", "/spec/ingress/0/protocol", "\"6\"");
        yield return ("globalnetworkpolicy", "/spec/ingress/0/protocol", "132");
        yield return ("globalnetworkpolicy", "/spec/ingress/0/protocol", "\"SCTP\"");
        yield return ("globalnetworkpolicy", "/spec/ingress/3/protocol", "255");
        yield return ("globalnetworkpolicy", "/spec/ingress/0/source/nets/1", "\"172.31.5.7/32\"");
        yield return ("globalnetworkpolicy", "/spec/selector", "\"\"");
        yield return ("globalnetworkpolicy", "/spec/selector", "\"!has(a) && (b in {'x', \\\"y\\\"} || c not in {}) && d starts with 'p' && e ends with 's' && f contains 'c' && all()\"");
        yield return ("globalnetworkpolicy", "/spec/ingress/4/destination/nets", "[\"2600::/16\"]");
        yield return ("globalnetworkset", "/spec/nets/0", "\"52.94.0.1/22\"");
        yield return ("globalnetworkset", "/spec/nets/0", "\"52.94.0.1\"");
        yield return ("hostendpoint-member", "/spec/expectedIPs/2", "\"::ffff:10.0.1.9\"");
        yield return ("hostendpoint-node", "/spec/interfaceName", "\"eth0.100\"");
        yield return ("tier", "/metadata/name", "\"default\"");
        yield return ("networkpolicy", "/metadata/name", "\"knp.default.web\"");
    }

    private static IEnumerable<TestCaseData> Accepted() =>
        AcceptedEdits().Select(edit => new TestCaseData(edit.Fixture, edit.Pointer, edit.Json).SetArgDisplayNames(edit.Fixture, edit.Pointer, edit.Json));

    [TestCaseSource(nameof(Accepted))]
    public void Calico_accepts(string fixture, string pointer, string json)
    {
        var resource = Fixtures.Valid(fixture, "projectcalico.org/v3").Edit(pointer, json);

        Assert.That(CalicoSemanticValidator.Validate(resource).Select(error => error.ToString()), Is.Empty);
    }

    /// <summary>One broken field each: fixture, JSON pointer, new JSON value (null removes it), the errors expected.</summary>
    private static IEnumerable<(string Fixture, string Pointer, string? Json, string[] Expected)> InvalidFields()
    {
        const string gnp = "globalnetworkpolicy";
        yield return (gnp, "/metadata/name", "\"sg-local.sg-0a.2\"",
            [$"metadata.name: Invalid value: \"sg-local.sg-0a.2\": name must consist of lower case alphanumeric characters or '-' (regex: {NameLabel})"]);
        yield return (gnp, "/metadata/name", "\"sg-remote.sg-0a\"",
            ["metadata.name: Invalid value: \"sg-remote.sg-0a\": Incorrectly formatted policy name sg-remote.sg-0a: a policy in tier \"sg-local\" is named \"sg-local.<name>\""]);
        yield return (gnp, "/metadata/name", "\"sg-0a\"",
            ["metadata.name: Invalid value: \"sg-0a\": Incorrectly formatted policy name sg-0a: a policy in tier \"sg-local\" is named \"sg-local.<name>\""]);
        yield return (gnp, "/metadata/name", "\"" + "sg-local." + new string('a', 245) + "\"",
            ["metadata.name: Invalid value: \"sg-local." + new string('a', 245) + "\": name is too long by 1 bytes"]);
        yield return (gnp, "/spec/tier", null,
            ["spec.tier: Required value: policy must name its tier (the API server would put it in the \"default\" tier)",
             "metadata.name: Invalid value: \"sg-local.sg-0a1b2c3d4e5f60718\": Incorrectly formatted policy name sg-local.sg-0a1b2c3d4e5f60718: a policy in tier \"default\" is named \"default.<name>\""]);
        yield return (gnp, "/spec/tier", "\"sg_local\"",
            ["spec.tier: Invalid value: \"sg_local\": tier must be a valid name (regex: [a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)",
             "metadata.name: Invalid value: \"sg-local.sg-0a1b2c3d4e5f60718\": Incorrectly formatted policy name sg-local.sg-0a1b2c3d4e5f60718: a policy in tier \"sg_local\" is named \"sg_local.<name>\""]);
        yield return (gnp, "/spec/ingress/0/protocol", "\"ICMP\"", [$"spec.ingress[0].destination.ports: Invalid value: [443,\"8000:8080\"]: {PortsNeedProtocol}"]);
        yield return (gnp, "/spec/ingress/0/protocol", "\"UDPLite\"", [$"spec.ingress[0].destination.ports: Invalid value: [443,\"8000:8080\"]: {PortsNeedProtocol}"]);
        yield return (gnp, "/spec/ingress/0/protocol", null, [$"spec.ingress[0].destination.ports: Invalid value: [443,\"8000:8080\"]: {PortsNeedProtocol}"]);
        yield return (gnp, "/spec/ingress/0/protocol", "\"tcp\"",
            ["spec.ingress[0].protocol: Invalid value: \"tcp\": protocol name invalid", $"spec.ingress[0].destination.ports: Invalid value: [443,\"8000:8080\"]: {PortsNeedProtocol}"]);
        yield return (gnp, "/spec/ingress/3/protocol", "0", ["spec.ingress[3].protocol: Invalid value: 0: protocol number invalid"]);
        yield return (gnp, "/spec/ingress/3/protocol", "256", ["spec.ingress[3].protocol: Invalid value: 256: protocol number must be between 1 and 255"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/1", "\"8080:8000\"",
            ["spec.ingress[0].destination.ports[1]: Invalid value: \"8080:8000\": minimum port number (8080) is greater than maximum port number (8000) in port range"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/1", "\"0:10\"",
            ["spec.ingress[0].destination.ports[1]: Invalid value: \"0:10\": port range invalid, port number must be between 1 and 65535"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/1", "\"1:65536\"",
            ["spec.ingress[0].destination.ports[1]: Invalid value: \"1:65536\": invalid maximum port number in range (1:65536)"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/0", "0",
            ["spec.ingress[0].destination.ports[0]: Invalid value: 0: port range invalid, port number must be between 1 and 65535"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/0", "70000",
            ["spec.ingress[0].destination.ports[0]: Invalid value: 70000: invalid port format (70000)"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/0", "\"http!\"",
            ["spec.ingress[0].destination.ports[0]: Invalid value: \"http!\": invalid name for named port (http!)"]);
        yield return (gnp, "/spec/ingress/0/icmp", "{\"type\": 8}",
            ["spec.ingress[0].icmp: Invalid value: {\"type\":8}: rules that specify ICMP fields must set protocol to ICMP"]);
        yield return (gnp, "/spec/ingress/1/icmp", "{\"code\": 0}",
            ["spec.ingress[1].icmp.code: Invalid value: 0: ICMP code specified without an ICMP type"]);
        yield return (gnp, "/spec/ingress/1/ipVersion", "6",
            ["spec.ingress[1].ipVersion: Invalid value: 6: must set ipversion to '4' with protocol icmp"]);
        yield return (gnp, "/spec/ingress/1/protocol", "\"ICMPv6\"",
            ["spec.ingress[1].ipVersion: Invalid value: 4: must set ipversion to '6' with protocol icmpv6"]);
        yield return (gnp, "/spec/ingress/1/ipVersion", "5",
            ["spec.ingress[1].ipVersion: Unsupported value: 5: supported values: \"4\", \"6\""]);
        yield return (gnp, "/spec/ingress/0/source/nets/0", "\"10.0.0.0/33\"",
            ["spec.ingress[0].source.nets[0]: Invalid value: \"10.0.0.0/33\": invalid network: must be an IP address or a CIDR with no bits set after the prefix",
             "spec.ingress[0].source.nets[0]: Invalid value: \"10.0.0.0/33\": invalid CIDR"]);
        yield return (gnp, "/spec/ingress/0/source/nets/0", "\"10.0.0.1/16\"",
            ["spec.ingress[0].source.nets[0]: Invalid value: \"10.0.0.1/16\": invalid network: must be an IP address or a CIDR with no bits set after the prefix"]);
        yield return (gnp, "/spec/ingress/0/source/nets/0", "\"10.0.0.1\"",
            ["spec.ingress[0].source.nets[0]: Invalid value: \"10.0.0.1\": invalid CIDR"]);
        yield return (gnp, "/spec/ingress/0/source/nets/0", "\"010.0.0.0/16\"",
            ["spec.ingress[0].source.nets[0]: Invalid value: \"010.0.0.0/16\": invalid network: must be an IP address or a CIDR with no bits set after the prefix",
             "spec.ingress[0].source.nets[0]: Invalid value: \"010.0.0.0/16\": invalid CIDR"]);
        yield return (gnp, "/spec/ingress/0/source/nets", "[\"2600::/16\"]",
            ["spec.ingress[0].source.nets: Invalid value: [\"2600::/16\"]: rule IP version doesn't match CIDR version"]);
        yield return (gnp, "/spec/ingress/3/destination/nets", "[\"2600::/16\"]",
            ["spec.ingress[3].destination.nets: Invalid value: [\"2600::/16\"]: rule contains both IPv4 and IPv6 CIDRs"]);
        yield return (gnp, "/spec/selector", "\"has(sg.aws.tigera.io/sg-0a\"",
            ["spec.selector: Invalid value: \"has(sg.aws.tigera.io/sg-0a\": invalid selector \"has(sg.aws.tigera.io/sg-0a\" at position 26: expected \")\""]);
        yield return (gnp, "/spec/egress/1/destination/selector", "\"kind in {'a' 'b'}\"",
            ["spec.egress[1].destination.selector: Invalid value: \"kind in {'a' 'b'}\": invalid selector \"kind in {'a' 'b'}\" at position 13: expected \"}\""]);
        yield return (gnp, "/spec/egress/1/destination/notSelector", "\"(a == 'b'\"",
            ["spec.egress[1].destination.notSelector: Invalid value: \"(a == 'b'\": invalid selector \"(a == 'b'\" at position 9: expected \")\""]);
        yield return (gnp, "/spec/ingress/4/source/namespaceSelector", "\"team = 'a'\"",
            ["spec.ingress[4].source.namespaceSelector: Invalid value: \"team = 'a'\": invalid selector \"team = 'a'\" at position 5: expected an operator (==, !=, in, not in, contains, starts with, ends with) after label \"team\""]);
        yield return (gnp, "/spec/ingress/0/source/selector", "\"global()\"",
            ["spec.ingress[0].source.selector: Invalid value: \"global()\": global() can only be used in an EntityRule namespaceSelector"]);
        yield return (gnp, "/spec/ingress/1/source/namespaceSelector", "\"global() && a == 'b'\"",
            ["spec.ingress[1].source.namespaceSelector: Invalid value: \"global() && a == 'b'\": global() cannot be combined with other selectors"]);
        yield return (gnp, "/spec/selector", "\"global()\"",
            ["spec.selector: Invalid value: \"global()\": global() can only be used in an EntityRule namespaceSelector"]);
        yield return (gnp, "/spec/ingress/0/action", "\"allow\"",
            ["spec.ingress[0].action: Unsupported value: \"allow\": supported values: \"Allow\", \"Deny\", \"Log\", \"Pass\""]);
        yield return (gnp, "/spec/types/1", "\"egress\"", ["spec.types[1]: Unsupported value: \"egress\": supported values: \"Ingress\", \"Egress\""]);
        yield return (gnp, "/spec/types/1", "\"Ingress\"", ["spec.types[1]: Invalid value: \"Ingress\": 'Ingress' type specified more than once"]);
        yield return (gnp, "/spec/ingress/0/http", "{}",
            ["spec.ingress[0].http: Invalid value: {}: only valid for Allow rules"]);
        yield return (gnp, "/spec/ingress/0/metadata/annotations/-bad", "\"x\"",
            ["spec.ingress[0].metadata.annotations: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]);
        yield return (gnp, "/metadata/labels/app", "\"-x\"",
            ["metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]);

        yield return ("networkpolicy", "/metadata/name", "\"other.web\"",
            ["metadata.name: Invalid value: \"other.web\": Incorrectly formatted policy name other.web: a policy in tier \"sg-local\" is named \"sg-local.<name>\""]);
        yield return ("networkpolicy", "/metadata/name", "\"sg-local.web.2\"",
            [$"metadata.name: Invalid value: \"sg-local.web.2\": name must consist of lower case alphanumeric characters or '-' (regex: {NameLabel})"]);

        yield return ("tier", "/metadata/name", "\"sg.local\"",
            [$"metadata.name: Invalid value: \"sg.local\": name must consist of lower case alphanumeric characters or '-' (regex: {NameLabel})"]);
        yield return ("tier", "/metadata/name", "\"" + new string('t', 64) + "\"",
            ["metadata.name: Invalid value: \"" + new string('t', 64) + "\": name is too long by 1 bytes"]);
        yield return ("tier", "/metadata/name", "\"Sg-Local\"",
            ["metadata.name: Invalid value: \"Sg-Local\": name must consist of lower case alphanumeric characters, '-' or '.' (regex: [a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)",
             $"metadata.name: Invalid value: \"Sg-Local\": name must consist of lower case alphanumeric characters or '-' (regex: {NameLabel})"]);

        yield return ("hostendpoint-member", "/spec/node", null, ["spec.node: Required value: no node has been specified"]);
        yield return ("hostendpoint-member", "/spec/node", "\"Node_1\"",
            ["spec.node: Invalid value: \"Node_1\": node must be a valid name (regex: [a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs", null, ["spec.interfaceName: Required value: no interface or expected IPs have been specified"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs/0", "\"10.0.1\"", ["spec.expectedIPs[0]: Invalid value: \"10.0.1\": invalid IP address"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs/0", "\"10.0.1.5/32\"", ["spec.expectedIPs[0]: Invalid value: \"10.0.1.5/32\": invalid IP address"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs/0", "\"10.0.1.256\"", ["spec.expectedIPs[0]: Invalid value: \"10.0.1.256\": invalid IP address"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs/2", "\"fe80::1%eth0\"", ["spec.expectedIPs[2]: Invalid value: \"fe80::1%eth0\": invalid IP address"]);
        yield return ("hostendpoint-node", "/spec/interfaceName", "\"eth0:1\"",
            ["spec.interfaceName: Invalid value: \"eth0:1\": interface name must be \"*\" or match ^[a-zA-Z0-9_.-]{1,15}$"]);
        yield return ("hostendpoint-node", "/spec/profiles/0", "\"Default_Allow\"",
            ["spec.profiles[0]: Invalid value: \"Default_Allow\": profile must be a valid name (regex: [a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)"]);

        yield return ("globalnetworkset", "/spec/nets/1", "\"2600:1f00::/129\"", ["spec.nets[1]: Invalid value: \"2600:1f00::/129\": invalid CIDR"]);
        yield return ("globalnetworkset", "/spec/nets/0", "\"pl-0123abcd\"", ["spec.nets[0]: Invalid value: \"pl-0123abcd\": invalid CIDR"]);
        yield return ("globalnetworkset", "/metadata/labels/projectcalico.org~1namespace", "\"default\"",
            ["metadata.labels: Invalid value: \"projectcalico.org/namespace\": projectcalico.org/namespace is not a valid label name"]);
    }

    private static IEnumerable<TestCaseData> InvalidObjects() =>
        from apiVersion in CalicoCrdsFolder.ApiVersions
        from broken in InvalidFields()
        select new TestCaseData(apiVersion, broken.Fixture, broken.Pointer, broken.Json, broken.Expected)
            .SetArgDisplayNames(apiVersion, broken.Fixture, broken.Pointer, broken.Json is null ? "(removed)" : broken.Json.Length > 40 ? broken.Json[..37] + "..." : broken.Json);

    [TestCaseSource(nameof(InvalidObjects))]
    public void A_broken_field_is_reported_with_its_path_and_Calicos_reason(string apiVersion, string fixture, string pointer, string? json, string[] expected)
    {
        var resource = Fixtures.Valid(fixture, apiVersion).Edit(pointer, json);

        var errors = CalicoSemanticValidator.Validate(resource).Select(error => error.ToString());

        Assert.That(errors, Is.EqualTo(expected));
    }

    [Test]
    public void Numbers_built_in_code_are_read_like_parsed_ones()
    {
        var resource = Fixtures.Valid("globalnetworkpolicy", "projectcalico.org/v3");
        resource["spec"]!["ingress"]![1]!["ipVersion"] = 6;
        resource["spec"]!["ingress"]![0]!["destination"]!["ports"]![0] = 0;

        Assert.That(CalicoSemanticValidator.Validate(resource).Select(error => error.ToString()), Is.EqualTo(new[]
        {
            "spec.ingress[0].destination.ports[0]: Invalid value: 0: port range invalid, port number must be between 1 and 65535",
            "spec.ingress[1].ipVersion: Invalid value: 6: must set ipversion to '4' with protocol icmp",
        }));
    }

    [Test]
    public void Kinds_it_does_not_know_have_no_Calico_checks()
    {
        var resource = Fixtures.Valid("tier", "projectcalico.org/v3");
        resource["kind"] = "BGPPeer";

        Assert.That(CalicoSemanticValidator.Validate(resource), Is.Empty);
    }
}
