using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Tests.Calico;

/// <summary>
/// <c>render -o yaml</c> writes most documents without YamlDotNet's emitter (<see cref="SimpleYamlDocument"/>);
/// on any document, what it writes must be the emitter's text, and what it gives up on the emitter writes.
/// </summary>
public class SimpleYamlDocumentProperties
{
    // Characters that steer YAML's choice of style: indicators, quotes, spaces, digits, and a few beyond ASCII.
    private const string Alphabet = "aZ09 .-_:/#,[]{}&*!|>'\"%@`?=~+()\\\t\u00e9\u2192";

    private static readonly string[] Words =
    [
        "", "null", "Null", "~", "true", "False", "yes", "No", "on", "OFF", "y", "N", "1", "-1", "0x1F", "0o17", "1e3", ".5",
        ".inf", ".NaN", "12:30", "1_000", "---", "...", "- a", "a: b", "a #b", "a#b", "a:", "a ", " a", "a  b", "::/0",
        "fd00:ec2::254/128", "10.0.0.0/8", "has(sg.aws.tigera.io/sg-0123)", "sglambda.io/prefix-list == 'pl-1'",
        "projectcalico.org/orchestrator == 'k8s' && app in { 'api' }", "global()", "sg-remote.for-sg-1", "'quoted'", "\"dq\"",
    ];

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public Property The_fast_writer_writes_the_emitters_text()
    {
        return Prop.ForAll(Arb.From(Gen.ListOf(Document(3)).Select(list => list.ToList())), documents =>
        {
            var utf8 = documents.Select(d => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(d.ToJsonString())).ToList();
            using var streamed = new StringWriter(CultureInfo.InvariantCulture);
            YamlWriter.WriteDocuments(streamed, utf8);
            return streamed.ToString() == YamlWriter.Write(documents);
        });
    }

    [Test]
    public void Ordinary_calico_shapes_take_the_fast_path_and_awkward_ones_do_not()
    {
        var text = new System.Buffers.ArrayBufferWriter<char>();
        Assert.That(SimpleYamlDocument.TryWrite("""{"kind":"HostEndpoint","spec":{"ports":[443,"8080:8090"],"nets":["10.0.0.0/8"]}}"""u8, text), Is.True);
        Assert.That(text.WrittenSpan.ToString(), Is.EqualTo("---\nkind: HostEndpoint\nspec:\n  ports:\n  - 443\n  - \"8080:8090\"\n  nets:\n  - 10.0.0.0/8\n"));
        text.ResetWrittenCount();
        Assert.That(SimpleYamlDocument.TryWrite("""{"description":"caf\u00e9"}"""u8, text), Is.False);
    }

    private static Gen<JsonNode> Document(int depth) =>
        Gen.NonEmptyListOf(Gen.Zip(Text(), Value(depth))).Select(pairs =>
        {
            var map = new JsonObject();
            foreach (var (key, value) in pairs) map[key] = value;
            return (JsonNode)map;
        });

    private static Gen<JsonNode?> Value(int depth)
    {
        var scalar = Gen.OneOf(
            Text().Select(text => (JsonNode?)JsonValue.Create(text)),
            Gen.Choose(-5, 70000).Select(number => (JsonNode?)JsonValue.Create(number)),
            Gen.Elements(0, 1, 2).Select(which => which == 2 ? null : (JsonNode?)JsonValue.Create(which == 1)));
        if (depth == 0) return scalar;
        var list = Gen.ListOf(Value(depth - 1)).Select(items => (JsonNode?)new JsonArray([.. items]));
        var map = Gen.ListOf(Gen.Zip(Text(), Value(depth - 1))).Select(pairs =>
        {
            var node = new JsonObject();
            foreach (var (key, value) in pairs) node[key] = value;
            return (JsonNode?)node;
        });
        return Gen.Frequency((4, scalar), (1, list), (1, map));
    }

    private static Gen<string> Text() =>
        Gen.OneOf(
            Gen.Elements(Words),
            Gen.ListOf(Gen.Elements(Alphabet.ToCharArray())).Select(chars => new string([.. chars])),
            Gen.Zip(Gen.Elements(Words), Gen.Elements(Words)).Select(pair => pair.Item1 + pair.Item2));
}
