using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes;

namespace SgLambda.Emulators.Tests.Kubernetes;

public class CrdSchemaValidatorTests
{
    private const string RulesNotChecked =
        "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private static IEnumerable<TestCaseData> ValidObjects() =>
        from apiVersion in CalicoCrdsFolder.ApiVersions
        from name in Fixtures.ValidObjectNames
        select new TestCaseData(apiVersion, name).SetArgDisplayNames(apiVersion, name);

    [TestCaseSource(nameof(ValidObjects))]
    public void A_valid_object_has_no_errors(string apiVersion, string fixture)
    {
        var errors = CalicoCrdsFolder.Validator(apiVersion).Validate(Fixtures.Valid(fixture, apiVersion));

        Assert.That(errors.Select(error => error.ToString()), Is.Empty);
    }

    /// <summary>One broken field each: fixture, JSON pointer, new JSON value (null removes it), the errors expected.</summary>
    private static IEnumerable<(string Fixture, string Pointer, string? Json, string[] Expected)> InvalidFields()
    {
        const string gnp = "globalnetworkpolicy";
        yield return (gnp, "/spec/ingress/0/action", "\"Foo\"",
            ["spec.ingress[0].action: Unsupported value: \"Foo\": supported values: \"Allow\", \"Deny\", \"Log\", \"Pass\""]);
        yield return (gnp, "/spec/ingress/0/action", null, ["spec.ingress[0].action: Required value"]);
        yield return (gnp, "/spec/ingress/0/destination/ports/0", "true",
            ["spec.ingress[0].destination.ports[0]: Invalid value: \"boolean\": spec.ingress[0].destination.ports[0] in body must be of type integer,string: \"boolean\""]);
        yield return (gnp, "/spec/ingress/0/destination/ports", "[" + string.Join(",", Enumerable.Range(1, 51)) + "]",
            ["spec.ingress[0].destination.ports: Too many: 51: must have at most 50 items"]);
        yield return (gnp, "/spec/ingress/0/source/nets", "[" + string.Join(",", Enumerable.Range(0, 257).Select(i => $"\"10.{i / 256}.{i % 256}.0/24\"")) + "]",
            ["spec.ingress[0].source.nets: Too many: 257: must have at most 256 items"]);
        yield return (gnp, "/spec/ingress/0/source/nets", "[\"10.0.0.0/16\", \"10.0.0.0/16\"]",
            ["spec.ingress[0].source.nets[1]: Duplicate value: \"10.0.0.0/16\""]);
        yield return (gnp, "/spec/selector", "\"" + new string('a', 1025) + "\"",
            ["spec.selector: Too long: may not be more than 1024 bytes"]);
        yield return (gnp, "/spec/ingress/0/ipVersion", "5",
            ["spec.ingress[0].ipVersion: Unsupported value: 5: supported values: \"4\", \"6\""]);
        yield return (gnp, "/spec/ingress/1/icmp/type", "255",
            ["spec.ingress[1].icmp.type: Invalid value: 255: spec.ingress[1].icmp.type in body should be less than or equal to 254"]);
        yield return (gnp, "/spec/ingress/1/icmp/code", "-1",
            ["spec.ingress[1].icmp.code: Invalid value: -1: spec.ingress[1].icmp.code in body should be greater than or equal to 0"]);
        yield return (gnp, "/spec/types/0", "\"Both\"",
            ["spec.types[0]: Unsupported value: \"Both\": supported values: \"Ingress\", \"Egress\""]);
        yield return (gnp, "/spec/types", "[\"Ingress\", \"Ingress\"]", ["spec.types[1]: Duplicate value: \"Ingress\""]);
        yield return (gnp, "/spec/types", "[]", ["spec.types: Invalid value: 0: spec.types in body should have at least 1 items"]);
        yield return (gnp, "/spec/order", "\"100\"",
            ["spec.order: Invalid value: \"string\": spec.order in body must be of type number: \"string\""]);
        yield return (gnp, "/spec/ingres", "[]", ["spec.ingres: field not declared in schema"]);
        yield return (gnp, "/spec/ingress/0/destination/port", "80", ["spec.ingress[0].destination.port: field not declared in schema"]);
        yield return (gnp, "/status", "{}", ["status: field not declared in schema"]);
        yield return (gnp, "/spec/ingress/0/metadata/annotations/sglambda.io~1rule-id", "7",
            ["spec.ingress[0].metadata.annotations.sglambda.io/rule-id: Invalid value: \"integer\": spec.ingress[0].metadata.annotations.sglambda.io/rule-id in body must be of type string: \"integer\""]);
        yield return (gnp, "/spec/ingress/0/icmp", "{\"type\": 8}",
            ["spec.ingress[0]: Invalid value: \"object\": ICMP fields require protocol to be ICMP or ICMPv6"]);
        yield return (gnp, "/spec/ingress/1/ipVersion", "6", ["spec.ingress[1]: Invalid value: \"object\": protocol ICMP requires ipVersion 4"]);
        yield return (gnp, "/spec/ingress/1/icmp", "{\"code\": 0}", ["spec.ingress[1].icmp: Invalid value: \"object\": ICMP code specified without an ICMP type"]);
        yield return (gnp, "/spec/selector", "\"global()\"", ["spec: Invalid value: \"object\": global() can only be used in an EntityRule namespaceSelector"]);
        yield return (gnp, "/spec/ingress/0/source/selector", "\"global()\"",
            ["spec.ingress[0].source: Invalid value: \"object\": global() can only be used in an EntityRule namespaceSelector"]);
        yield return (gnp, "/spec/doNotTrack", "true",
            ["spec: Invalid value: \"object\": applyOnForward must be true if either preDNAT or doNotTrack is true"]);
        yield return (gnp, "/metadata/name", "\"SG_local\"",
            ["metadata.name: Invalid value: \"SG_local\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]);
        yield return (gnp, "/metadata/name", "\"" + new string('a', 254) + "\"",
            ["metadata.name: Invalid value: \"" + new string('a', 254) + "\": must be no more than 253 characters"]);
        yield return (gnp, "/metadata/name", null, ["metadata.name: Required value: name or generateName is required"]);
        yield return (gnp, "/metadata/namespace", "\"default\"", ["metadata.namespace: Forbidden: not allowed on this type"]);
        yield return (gnp, "/metadata/labels/bad key", "\"x\"",
            ["metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]);
        yield return (gnp, "/metadata/labels/app", "\"" + new string('v', 64) + "\"",
            ["metadata.labels: Invalid value: \"" + new string('v', 64) + "\": must be no more than 63 characters"]);
        yield return (gnp, "/metadata/annotations/-bad", "\"x\"",
            ["metadata.annotations: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]);
        yield return (gnp, "/metadata/uid2", "\"x\"", ["metadata.uid2: field not declared in schema"]);

        yield return ("networkpolicy", "/metadata/namespace", null, ["metadata.namespace: Required value"]);
        yield return ("networkpolicy", "/metadata/namespace", "\"Shop\"",
            ["metadata.namespace: Invalid value: \"Shop\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]);
        yield return ("networkpolicy", "/spec/ingress/0/destination/services", "{\"name\": \"web\", \"namespace\": \"shop\"}",
            ["spec.ingress[0]: Forbidden: ports and notPorts cannot be specified with services"]);

        yield return ("tier", "/spec/defaultAction", "\"Allow\"", ["spec.defaultAction: Unsupported value: \"Allow\": supported values: \"Pass\", \"Deny\""]);
        yield return ("tier", "/spec/order", "\"first\"",
            ["spec.order: Invalid value: \"string\": spec.order in body must be of type number: \"string\""]);
        yield return ("tier", "/metadata/name", "\"default\"", ["<nil>: Invalid value: \"object\": default tier order must be 1000000"]);

        yield return ("hostendpoint-node", "/spec/interfaceName", "\"a-very-long-iface\"", ["spec.interfaceName: Too long: may not be more than 15 bytes"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs", "[\"10.0.1.5\", \"10.0.1.5\"]", ["spec.expectedIPs[1]: Duplicate value: \"10.0.1.5\""]);
        yield return ("hostendpoint-member", "/spec/node", null, ["spec: Invalid value: \"object\": node must be specified"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs", null,
            ["spec: Invalid value: \"object\": at least one of interfaceName or expectedIPs must be specified"]);
        yield return ("hostendpoint-member", "/spec/expectedIPs/0", "10",
            ["spec.expectedIPs[0]: Invalid value: \"integer\": spec.expectedIPs[0] in body must be of type string: \"integer\""]);
        yield return ("hostendpoint-node", "/spec/profiles", "\"projectcalico-default-allow\"",
            ["spec.profiles: Invalid value: \"string\": spec.profiles in body must be of type array: \"string\""]);

        yield return ("globalnetworkset", "/spec/nets/0", "5",
            ["spec.nets[0]: Invalid value: \"integer\": spec.nets[0] in body must be of type string: \"integer\""]);
        yield return ("globalnetworkset", "/spec/cidrs", "[]", ["spec.cidrs: field not declared in schema"]);
    }

    private static IEnumerable<TestCaseData> InvalidObjects() =>
        from apiVersion in CalicoCrdsFolder.ApiVersions
        from broken in InvalidFields()
        select new TestCaseData(apiVersion, broken.Fixture, broken.Pointer, broken.Json, broken.Expected)
            .SetArgDisplayNames(apiVersion, broken.Fixture, broken.Pointer, Shorten(broken.Json));

    [TestCaseSource(nameof(InvalidObjects))]
    public void A_broken_field_is_reported_with_its_path_and_what_is_wrong(string apiVersion, string fixture, string pointer, string? json, string[] expected)
    {
        var resource = Fixtures.Valid(fixture, apiVersion).Edit(pointer, json);

        var errors = CalicoCrdsFolder.Validator(apiVersion).Validate(resource);

        Assert.That(errors.Select(error => error.ToString()).Where(error => error != RulesNotChecked), Is.EqualTo(expected));
    }

    [TestCase("projectcalico.org/v3", "spec: Required value")]
    [TestCase("crd.projectcalico.org/v1", null)]
    public void Only_the_v3_CRDs_require_a_spec(string apiVersion, string? expected)
    {
        var resource = Fixtures.Valid("globalnetworkset", apiVersion).Edit("/spec", null);

        var errors = CalicoCrdsFolder.Validator(apiVersion).Validate(resource);

        Assert.That(errors.Select(error => error.ToString()).Where(error => error != RulesNotChecked),
            Is.EqualTo(expected is null ? Array.Empty<string>() : [expected]));
    }

    [TestCaseSource(typeof(CalicoCrdsFolder), nameof(CalicoCrdsFolder.ApiVersions))]
    public void Every_error_is_reported_not_just_the_first(string apiVersion)
    {
        var resource = Fixtures.Valid("globalnetworkpolicy", apiVersion)
            .Edit("/spec/ingress/0/action", "\"Foo\"")
            .Edit("/spec/egress/0/protocol", "false")
            .Edit("/spec/extra", "1")
            .Edit("/metadata/name", "\"Bad\"");

        var errors = CalicoCrdsFolder.Validator(apiVersion).Validate(resource).Select(error => error.Field).ToList();

        Assert.That(errors, Is.EquivalentTo(new[] { "metadata.name", "spec.ingress[0].action", "spec.egress[0].protocol", "spec.extra", "" }));
    }

    [TestCaseSource(typeof(CalicoCrdsFolder), nameof(CalicoCrdsFolder.ApiVersions))]
    public void A_schema_error_that_blocks_the_rules_says_they_were_not_checked(string apiVersion)
    {
        // ipVersion 6 with ICMP breaks a rule, but the bad action stops the API server before the rules run.
        var resource = Fixtures.Valid("globalnetworkpolicy", apiVersion)
            .Edit("/spec/ingress/1/ipVersion", "6")
            .Edit("/spec/ingress/0/action", "\"Foo\"");

        var errors = CalicoCrdsFolder.Validator(apiVersion).Validate(resource).Select(error => error.ToString());

        Assert.That(errors, Is.EqualTo(new[]
        {
            "spec.ingress[0].action: Unsupported value: \"Foo\": supported values: \"Allow\", \"Deny\", \"Log\", \"Pass\"",
            RulesNotChecked,
        }));
    }

    [TestCaseSource(typeof(CalicoCrdsFolder), nameof(CalicoCrdsFolder.ApiVersions))]
    public void An_unknown_kind_has_no_matches(string apiVersion)
    {
        var resource = Fixtures.Valid("tier", apiVersion);
        resource["kind"] = "Teir";

        var errors = CalicoCrdsFolder.Validator(apiVersion).Validate(resource).Select(error => error.ToString());

        Assert.That(errors, Is.EqualTo(new[] { $"kind: Invalid value: \"Teir\": no matches for kind \"Teir\" in version \"{apiVersion}\"" }));
    }

    [Test]
    public void The_other_groups_objects_have_no_matches()
    {
        var resource = Fixtures.Valid("tier", "crd.projectcalico.org/v1");

        var errors = CalicoCrdsFolder.Validator("projectcalico.org/v3").Validate(resource).Select(error => error.ToString());

        Assert.That(errors, Is.EqualTo(new[] { "kind: Invalid value: \"Tier\": no matches for kind \"Tier\" in version \"crd.projectcalico.org/v1\"" }));
    }

    [TestCase("{\"kind\": \"Tier\"}", "apiVersion: Required value")]
    [TestCase("{\"apiVersion\": \"projectcalico.org/v3\"}", "kind: Required value")]
    [TestCase("[]", "<nil>: Invalid value: \"array\": in body must be of type object: \"array\"")]
    public void Something_that_is_not_an_object_of_a_kind_is_rejected(string json, string expected)
    {
        var errors = CalicoCrdsFolder.Validator("projectcalico.org/v3").Validate(JsonNode.Parse(json)).Select(error => error.ToString());

        Assert.That(errors, Is.EqualTo(new[] { expected }));
    }

    [TestCaseSource(typeof(CalicoCrdsFolder), nameof(CalicoCrdsFolder.ApiVersions))]
    public void Defaults_are_applied_before_validation(string apiVersion)
    {
        var resource = Fixtures.Valid("tier", apiVersion).Edit("/spec/defaultAction", null).Edit("/metadata/name", "\"default\"").Edit("/spec/order", "1000000");

        var validator = CalicoCrdsFolder.Validator(apiVersion);

        Assert.That(validator.ApplyDefaults(resource)["spec"]!["defaultAction"]!.GetValue<string>(), Is.EqualTo("Deny"));
        Assert.That(validator.Validate(resource), Is.Empty, "the 'default' tier rule sees the defaulted action");
    }

    [TestCaseSource(typeof(CalicoCrdsFolder), nameof(CalicoCrdsFolder.ApiVersions))]
    public void A_null_in_a_field_that_is_not_nullable_is_dropped(string apiVersion)
    {
        var resource = Fixtures.Valid("globalnetworkpolicy", apiVersion).Edit("/spec/order", "null").Edit("/spec/tier", "null");

        var validator = CalicoCrdsFolder.Validator(apiVersion);
        var defaulted = validator.ApplyDefaults(resource);

        Assert.That(validator.Validate(resource), Is.Empty);
        Assert.That(defaulted["spec"]!.AsObject().ContainsKey("order"), Is.False);
        Assert.That(defaulted["spec"]!["tier"]!.GetValue<string>(), Is.EqualTo("default"), "a null with a default gets the default");
    }

    [Test]
    public void Validators_are_shared_per_directory()
    {
        var first = CrdSchemaValidator.ForDirectory(CalicoCrdsFolder.For("projectcalico.org/v3"));
        var second = CrdSchemaValidator.ForDirectory(CalicoCrdsFolder.For("projectcalico.org/v3") + Path.DirectorySeparatorChar + ".");

        Assert.That(second, Is.SameAs(first));
    }

    [TestCaseSource(typeof(CalicoCrdsFolder), nameof(CalicoCrdsFolder.ApiVersions))]
    public void Every_kind_SgLambda_writes_has_a_CRD(string apiVersion)
    {
        var kinds = CalicoCrdsFolder.Validator(apiVersion).Definitions.Select(definition => definition.Kind);

        Assert.That(kinds, Is.SupersetOf(new[] { "Tier", "GlobalNetworkPolicy", "NetworkPolicy", "HostEndpoint", "GlobalNetworkSet" }));
    }

    [Test]
    public void A_missing_directory_is_an_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sglambda-no-such-crds-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => _ = new CrdSchemaValidator(missing));

        Assert.That(error.Message, Does.Contain(missing));
    }

    private static string Shorten(string? json) => json is null ? "(removed)" : json.Length > 40 ? json[..37] + "..." : json;
}
