using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes;

namespace SgLambda.Emulators.Tests.Kubernetes;

public class FieldErrorTests
{
    [Test]
    public void Prints_as_the_API_server_does()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FieldError.Required("spec.node").ToString(), Is.EqualTo("spec.node: Required value"));
            Assert.That(FieldError.Required("metadata.name", "name or generateName is required").ToString(),
                Is.EqualTo("metadata.name: Required value: name or generateName is required"));
            Assert.That(FieldError.Forbidden("metadata.namespace", "not allowed on this type").ToString(),
                Is.EqualTo("metadata.namespace: Forbidden: not allowed on this type"));
            Assert.That(FieldError.NotSupported("spec.types[0]", JsonValue.Create("Both"), ["Ingress", "Egress"]).ToString(),
                Is.EqualTo("spec.types[0]: Unsupported value: \"Both\": supported values: \"Ingress\", \"Egress\""));
            Assert.That(FieldError.Invalid("spec.order", JsonValue.Create(-1.5), "too small").ToString(), Is.EqualTo("spec.order: Invalid value: -1.5: too small"));
            Assert.That(FieldError.Invalid("x", (JsonNode?)null, "y").ToString(), Is.EqualTo("x: Invalid value: \"null\": y"));
            Assert.That(FieldError.TooLong("spec.selector", 1024).ToString(), Is.EqualTo("spec.selector: Too long: may not be more than 1024 bytes"));
            Assert.That(FieldError.TooMany("spec.ingress", 1025, 1024).ToString(), Is.EqualTo("spec.ingress: Too many: 1025: must have at most 1024 items"));
            Assert.That(FieldError.Duplicate("spec.types[1]", JsonValue.Create("Ingress")).ToString(), Is.EqualTo("spec.types[1]: Duplicate value: \"Ingress\""));
            Assert.That(FieldError.NotDeclared("spec.foo").ToString(), Is.EqualTo("spec.foo: field not declared in schema"));
            Assert.That(FieldError.Invalid("", "object", "rule").ToString(), Is.EqualTo("<nil>: Invalid value: \"object\": rule"));
        });
    }

    [TestCase("plain", "\"plain\"")]
    [TestCase("say \"hi\"\n", "\"say \\\"hi\\\"\\n\"")]
    [TestCase("back\\slash\ttab", "\"back\\\\slash\\ttab\"")]
    [TestCase("\u0001", "\"\\x01\"")]
    [TestCase("ünï", "\"ünï\"")]
    public void Quotes_strings_as_Go_does(string text, string quoted)
    {
        Assert.That(FieldError.GoQuote(text), Is.EqualTo(quoted));
    }
}
