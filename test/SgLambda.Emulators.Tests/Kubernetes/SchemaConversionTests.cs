using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes;

namespace SgLambda.Emulators.Tests.Kubernetes;

/// <summary>The OpenAPI features the Calico CRDs do not use, through a test CRD (Fixtures/crds).</summary>
public class SchemaConversionTests
{
    private static readonly CrdSchemaValidator Validator = new(Path.Combine(Fixtures.Directory, "crds"));

    private static JsonObject Widget(string spec = """{"size": 3}""") => new()
    {
        ["apiVersion"] = "example.sglambda.io/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = "w", ["namespace"] = "default" },
        ["spec"] = JsonNode.Parse(spec),
    };

    [TestCase("""{"size": 9, "ratio": 1.5, "port": 80, "count": 9007199254740993}""")]
    [TestCase("""{"size": 1, "port": "http", "note": null, "color": null, "created": "2026-01-02T03:04:05Z"}""")]
    [TestCase("""{"size": 1, "extra": {"any": {"thing": [1, "two"]}}, "anything": 5}""")]
    [TestCase("""{"size": 1, "anything": {"x": [1]}, "tags": {"a": "abc", "b": ""}, "limits": {"a": 1}}""")]
    [TestCase("""{"size": 1, "shape": {"kind": "square"}, "code": "allowed", "conditions": [{"type": "A"}, {"type": "B"}]}""")]
    public void Accepts_what_the_schema_allows(string spec)
    {
        Assert.That(Validator.Validate(Widget(spec)).Select(error => error.ToString()), Is.Empty);
    }

    [TestCase("""{"size": 10}""", "spec.size: Invalid value: 10: spec.size in body should be less than 10")]
    [TestCase("""{"size": 0}""", "spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1")]
    [TestCase("""{"size": 1.5}""", "spec.size: Invalid value: \"number\": spec.size in body must be of type integer: \"number\"")]
    [TestCase("""{"size": 1, "ratio": 0.3}""", "spec.ratio: Invalid value: 0.3: spec.ratio in body should be a multiple of 0.5")]
    [TestCase("""{"size": 1, "port": true}""", "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"")]
    [TestCase("""{"size": 1, "port": "HTTP"}""", "spec.port: Invalid value: \"HTTP\": spec.port in body should match '^[a-z0-9]+$'")]
    [TestCase("""{"size": 1, "note": "a"}""", "spec.note: Invalid value: \"a\": spec.note in body should be at least 2 chars long")]
    [TestCase("""{"size": 1, "color": "blue"}""", "spec.color: Unsupported value: \"blue\": supported values: \"red\", \"green\"")]
    [TestCase("""{"size": 1, "created": "yesterday"}""", "spec.created: Invalid value: \"yesterday\": spec.created in body must be of type date-time: \"yesterday\"")]
    [TestCase("""{"size": 1, "tags": {"a": "abcd"}}""", "spec.tags.a: Too long: may not be more than 3 bytes")]
    [TestCase("""{"size": 1, "limits": {"a": 1, "b": 2}}""", "spec.limits: Too many: 2: must have at most 1 items")]
    [TestCase("""{"size": 1, "shape": {"kind": "square", "sides": 4}}""", "spec.shape: Invalid value: \"\": spec.shape in body must validate one and only one schema (oneOf)")]
    [TestCase("""{"size": 1, "code": "forbidden"}""", "spec.code: Invalid value: \"\": spec.code in body must not validate the schema (not)")]
    [TestCase("""{"size": 1, "conditions": [{"type": "A"}, {"type": "A", "status": "x"}]}""", "spec.conditions[1]: Duplicate value: {\"type\":\"A\"}")]
    [TestCase("""{"size": 1, "nested": {"depth": 1}}""", "spec.nested.depth: field not declared in schema")]
    [TestCase("""{}""", "spec.size: Required value")]
    [TestCase("""{"size": 1, "note": "no"}""", "spec: Invalid value: \"object\": note must not be no")]
    public void Reports_what_the_schema_forbids(string spec, string expected)
    {
        var errors = Validator.Validate(Widget(spec)).Select(error => error.ToString()).Where(error => !error.StartsWith("<nil>", StringComparison.Ordinal));

        Assert.That(errors, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Defaults_fill_absent_fields_at_every_level()
    {
        var defaulted = Validator.ApplyDefaults(Widget());

        Assert.That(defaulted["spec"]!.ToJsonString(), Is.EqualTo("""{"size":3,"mode":"fast","nested":{"level":3}}"""));
    }

    [Test]
    public void A_nullable_field_keeps_its_null()
    {
        var defaulted = Validator.ApplyDefaults(Widget("""{"size": 3, "note": null, "mode": null}"""));

        Assert.That(defaulted["spec"]!.ToJsonString(), Is.EqualTo("""{"size":3,"note":null,"mode":"fast","nested":{"level":3}}"""));
    }

    [Test]
    public void A_version_that_is_not_served_has_no_matches()
    {
        var widget = Widget();
        widget["apiVersion"] = "example.sglambda.io/v2";

        Assert.That(Validator.Validate(widget).Select(error => error.ToString()),
            Is.EqualTo(new[] { "kind: Invalid value: \"Widget\": no matches for kind \"Widget\" in version \"example.sglambda.io/v2\"" }));
    }

    [Test]
    public void A_namespaced_kind_needs_a_namespace_and_the_root_needs_its_required_fields()
    {
        var widget = Widget();
        widget["metadata"]!.AsObject().Remove("namespace");
        widget.Remove("spec");

        Assert.That(Validator.Validate(widget).Select(error => error.ToString()).Where(error => !error.StartsWith("<nil>", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "metadata.namespace: Required value", "spec: Required value" }));
    }

    [Test]
    public void The_converted_schema_is_strict_only_where_Kubernetes_is()
    {
        var schema = Validator.Versions.Single().JsonSchemaDocument;
        var spec = schema["properties"]!["spec"]!;

        Assert.Multiple(() =>
        {
            Assert.That(schema["properties"]!["metadata"]!.GetValue<bool>(), Is.True, "metadata is ObjectMeta, not schema");
            Assert.That(spec["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(spec["properties"]!["extra"]!.AsObject().ContainsKey("additionalProperties"), Is.False, "preserve-unknown-fields");
            Assert.That(spec["properties"]!["port"]!["type"]!.ToJsonString(), Is.EqualTo("""["integer","string"]"""));
            Assert.That(spec["properties"]!["note"]!["type"]!.ToJsonString(), Is.EqualTo("""["string","null"]"""));
            Assert.That(spec["properties"]!["count"]!.AsObject().ContainsKey("format"), Is.False, "int64 is not validated");
            Assert.That(spec["properties"]!["size"]!["exclusiveMaximum"]!.GetValue<long>(), Is.EqualTo(10));
            Assert.That(spec["properties"]!["shape"]!["oneOf"]![0]!.AsObject().ContainsKey("additionalProperties"), Is.False, "branches only restrict");
        });
    }
}
