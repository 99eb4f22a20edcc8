using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class JsonPatchTests
{
    private static JsonNode? Json(string text) => JsonNode.Parse(text);

    // RFC 6902 appendix A examples.
    [TestCase("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"foo":"bar","baz":"qux"}""")]
    [TestCase("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [TestCase("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [TestCase("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [TestCase("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [TestCase("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""",
        """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [TestCase("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [TestCase("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [TestCase("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10},{"op":"copy","from":"/~1","path":"/c"}]""", """{"/":9,"~1":10,"c":9}""")]
    public void Applies_RFC_6902_examples(string document, string patch, string expected)
    {
        Assert.That(JsonNode.DeepEquals(JsonPatch.Apply(Json(document), Json(patch)), Json(expected)), Is.True);
    }

    [TestCase("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""")]
    [TestCase("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""")]
    [TestCase("""{"foo":"bar"}""", """[{"op":"remove","path":"/missing"}]""")]
    [TestCase("""{"foo":"bar"}""", """[{"op":"replace","path":"/missing","value":1}]""")]
    [TestCase("""{"foo":[1]}""", """[{"op":"add","path":"/foo/5","value":1}]""")]
    public void Operations_that_do_not_apply_fail_and_change_nothing(string document, string patch)
    {
        var original = Json(document);
        Assert.That(() => JsonPatch.Apply(original, Json(patch)), Throws.TypeOf<JsonPatchException>());
        Assert.That(JsonNode.DeepEquals(original, Json(document)), Is.True);
    }

    // RFC 7386 appendix A examples.
    [TestCase("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [TestCase("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [TestCase("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [TestCase("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [TestCase("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [TestCase("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [TestCase("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [TestCase("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [TestCase("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [TestCase("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [TestCase("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merges_RFC_7386_examples(string target, string patch, string expected)
    {
        Assert.That(JsonNode.DeepEquals(JsonMergePatch.Apply(Json(target), Json(patch)), Json(expected)), Is.True);
    }

    private static Gen<JsonNode?> Values(int depth) => depth == 0
        ? Gen.OneOf(Gen.Elements<JsonNode?>(null, 1, "x", true))
        : Gen.OneOf(Values(0), Objects(depth - 1).Select(value => (JsonNode?)value));

    private static Gen<JsonObject> Objects(int depth) =>
        Gen.SubListOf("a", "b", "c").SelectMany(keys => Gen.ListOf(Values(depth), keys.Count)
            .Select(values =>
            {
                var result = new JsonObject();
                foreach (var (key, value) in keys.Zip(values)) result[key] = value?.DeepClone();
                return result;
            }));

    // Merging the same patch twice is merging it once (a merge patch states the end result).
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Merge_patches_are_idempotent()
    {
        var cases = from target in Objects(2) from patch in Objects(2) select (target, patch);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var once = JsonMergePatch.Apply(testCase.target, testCase.patch);
            return JsonNode.DeepEquals(JsonMergePatch.Apply(once, testCase.patch), once);
        });
    }
}
