using SgLambda.Emulators.Kubernetes;

namespace SgLambda.Emulators.Tests.Kubernetes;

public class YamlToJsonTests
{
    [TestCase("a: 4", """{"a":4}""")]
    [TestCase("a: -4", """{"a":-4}""")]
    [TestCase("a: 1000000.0", """{"a":1000000}""")]
    [TestCase("a: 1e3", """{"a":1000}""")]
    [TestCase("a: 0x1F", """{"a":31}""")]
    [TestCase("a: true", """{"a":true}""")]
    [TestCase("a: False", """{"a":false}""")]
    [TestCase("a: null", """{"a":null}""")]
    [TestCase("a: ~", """{"a":null}""")]
    [TestCase("a:", """{"a":null}""")]
    [TestCase("a: \"True\"", """{"a":"True"}""")]
    [TestCase("a: '4'", """{"a":"4"}""")]
    [TestCase("a: Deny", """{"a":"Deny"}""")]
    [TestCase("a: ^.*", """{"a":"^.*"}""")]
    [TestCase("a: yes", """{"a":"yes"}""")]
    [TestCase("a: [4, 6]", """{"a":[4,6]}""")]
    [TestCase("a: |-\n  two\n  lines", """{"a":"two\nlines"}""")]
    public void Resolves_plain_scalars_by_the_YAML_1_2_core_schema(string yaml, string json)
    {
        Assert.That(YamlToJson.ReadDocuments(yaml).Single()!.ToJsonString(), Is.EqualTo(json));
    }

    [Test]
    public void Reads_every_document_of_a_stream()
    {
        Assert.That(YamlToJson.ReadDocuments("a: 1\n---\nb: 2\n").Select(document => document!.ToJsonString()),
            Is.EqualTo(new[] { """{"a":1}""", """{"b":2}""" }));
    }
}
