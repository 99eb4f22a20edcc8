using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class FieldSelectorTests
{
    private static readonly JsonObject Pod = (JsonObject)JsonNode.Parse(
        """{"metadata":{"name":"web-1","namespace":"shop"},"spec":{"nodeName":"ip-10-0-1-5","hostNetwork":false},"status":{"phase":"Running"}}""")!;

    [TestCase("metadata.name=web-1", true)]
    [TestCase("metadata.name==web-1", true)]
    [TestCase("metadata.name!=web-1", false)]
    [TestCase("metadata.name=web-2", false)]
    [TestCase("metadata.namespace=shop,status.phase=Running", true)]
    [TestCase("spec.nodeName=ip-10-0-1-5,status.phase!=Running", false)]
    [TestCase("spec.hostNetwork=false", true)]
    [TestCase("spec.nodeName=", false)]
    [TestCase("spec.missing=", true)]
    public void Matches_field_values(string selector, bool expected)
    {
        Assert.That(FieldSelector.Parse(selector).Matches(Pod), Is.EqualTo(expected));
    }

    [Test]
    public void Escaped_commas_and_equals_are_part_of_the_value()
    {
        var selector = FieldSelector.Parse(@"metadata.name=a\,b\=c");
        Assert.That(selector.Requirements.Single(), Is.EqualTo(new FieldSelectorRequirement("metadata.name", false, "a,b=c")));
    }

    [TestCase("metadata.name")]
    [TestCase(@"metadata.name=a\x")]
    public void Rejects_malformed_selectors(string selector)
    {
        Assert.That(() => FieldSelector.Parse(selector), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Only_indexed_fields_are_supported()
    {
        var catalog = ApiResourceCatalog.Load(null);
        var pods = catalog.RequireKind("v1", "Pod");
        var nodes = catalog.RequireKind("v1", "Node");
        Assert.That(() => FieldSelector.Parse("spec.nodeName=x").RequireSupported(pods), Throws.Nothing);
        Assert.That(() => FieldSelector.Parse("spec.nodeName=x").RequireSupported(nodes),
            Throws.TypeOf<FormatException>().With.Message.EqualTo("field label not supported: spec.nodeName"));
    }
}
