using SgLambda.Core.Calico;

namespace SgLambda.Core.Tests.Calico;

/// <summary>Typed label queries as the in-memory store evaluates them: every requirement must hold.</summary>
public class LabelQueryTests
{
    private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(label => label.Key, label => label.Value, StringComparer.Ordinal);

    [Test]
    public void Everything_matches_any_labels_and_none()
    {
        Assert.That(LabelQuery.Everything.Matches(null), Is.True);
        Assert.That(LabelQuery.Everything.Matches(Labels(("a", "b"))), Is.True);
    }

    [Test]
    public void Equal_needs_the_key_with_that_value()
    {
        var query = LabelQuery.Equal("team", "blue");
        Assert.That(query.Matches(Labels(("team", "blue"))), Is.True);
        Assert.That(query.Matches(Labels(("team", "red"))), Is.False);
        Assert.That(query.Matches(Labels()), Is.False);
    }

    [Test]
    public void Exists_needs_the_key_with_any_value_even_empty()
    {
        var query = LabelQuery.Exists("sg.aws.tigera.io/sg-0a1");
        Assert.That(query.Matches(Labels(("sg.aws.tigera.io/sg-0a1", ""))), Is.True);
        Assert.That(query.Matches(Labels(("sg.aws.tigera.io/sg-0a2", ""))), Is.False);
    }

    [Test]
    public void In_needs_one_of_the_values_and_is_written_one_way_only()
    {
        var query = LabelQuery.In("eni", ["eni-2", "eni-1", "eni-2"]);
        Assert.That(query.Matches(Labels(("eni", "eni-1"))), Is.True);
        Assert.That(query.Matches(Labels(("eni", "eni-3"))), Is.False);
        Assert.That(query.Requirements.Single().Values, Is.EqualTo(new[] { "eni-1", "eni-2" }));
        Assert.That(query, Is.EqualTo(LabelQuery.In("eni", ["eni-1", "eni-2"])));
        Assert.That(() => LabelQuery.In("eni", []), Throws.ArgumentException);
    }

    [Test]
    public void And_needs_both()
    {
        var query = LabelQuery.Exists("a").And(LabelQuery.Equal("b", "c"));
        Assert.That(query.Matches(Labels(("a", "x"), ("b", "c"))), Is.True);
        Assert.That(query.Matches(Labels(("a", "x"))), Is.False);
        Assert.That(query.Matches(Labels(("b", "c"))), Is.False);
    }

    [Test]
    public void Kinds_are_the_five_SgLambda_uses_with_their_resources()
    {
        Assert.That(CalicoKind.All.Select(kind => (kind.Name, kind.Plural, kind.Namespaced)), Is.EquivalentTo(new[]
        {
            ("Tier", "tiers", false), ("GlobalNetworkPolicy", "globalnetworkpolicies", false), ("NetworkPolicy", "networkpolicies", true),
            ("HostEndpoint", "hostendpoints", false), ("GlobalNetworkSet", "globalnetworksets", false),
        }));
        Assert.That(CalicoKind.Of("HostEndpoint"), Is.SameAs(CalicoKind.HostEndpoint));
        Assert.That(() => CalicoKind.Of("Profile"), Throws.ArgumentException);
    }
}
