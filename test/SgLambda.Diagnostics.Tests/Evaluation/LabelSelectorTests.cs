using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Tests.Evaluation;

public class LabelSelectorTests
{
    /// <summary>Labels written as "k=v;k2=v2" ("k=" is an empty value).</summary>
    internal static Dictionary<string, string> Labels(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);

    [TestCase("all()", "", true)]
    [TestCase("", "", true)]
    [TestCase("   ", "a=x", true)]
    [TestCase("global()", "a=x", true)]
    [TestCase("has(a)", "a=", true)]
    [TestCase("has(a)", "b=", false)]
    [TestCase("!has(a)", "", true)]
    [TestCase("!has(a)", "a=x", false)]
    [TestCase("a == 'x'", "a=x", true)]
    [TestCase("a == \"x\"", "a=x", true)]
    [TestCase("a == 'x'", "a=y", false)]
    [TestCase("a == 'x'", "", false)]
    [TestCase("a == ''", "a=", true)]
    [TestCase("a != 'x'", "a=y", true)]
    [TestCase("a != 'x'", "", true)]
    [TestCase("a != 'x'", "a=x", false)]
    [TestCase("a in {'x', 'y'}", "a=y", true)]
    [TestCase("a in {'x', \"y\"}", "a=z", false)]
    [TestCase("a in {'x'}", "", false)]
    [TestCase("a in {}", "a=", false)]
    [TestCase("a not in {'x'}", "", true)]
    [TestCase("a not in {'x'}", "a=x", false)]
    [TestCase("a not in {'x'}", "a=z", true)]
    [TestCase("a contains 'bc'", "a=abcd", true)]
    [TestCase("a contains 'bc'", "a=acbd", false)]
    [TestCase("a contains ''", "", false)]
    [TestCase("a starts with 'ab'", "a=abc", true)]
    [TestCase("a starts with 'ab'", "a=cab", false)]
    [TestCase("a ends with 'bc'", "a=abc", true)]
    [TestCase("a ends with 'bc'", "a=bca", false)]
    [TestCase("a ends with 'bc'", "", false)]
    [TestCase("has(a) && has(b)", "a=;b=", true)]
    [TestCase("has(a) && has(b)", "a=", false)]
    [TestCase("has(a) || has(b)", "b=", true)]
    [TestCase("has(a) || has(b)", "c=", false)]
    // && binds tighter than ||, ! tighter than both.
    [TestCase("has(a) || has(b) && has(c)", "a=", true)]
    [TestCase("(has(a) || has(b)) && has(c)", "a=", false)]
    [TestCase("has(c) && has(b) || has(a)", "a=", true)]
    [TestCase("!has(a) && has(b)", "b=", true)]
    [TestCase("!has(a) && has(b)", "a=;b=", false)]
    [TestCase("!(has(a) && has(b))", "a=", true)]
    [TestCase("!!has(a)", "a=", true)]
    [TestCase("!(a == 'x') || a == 'x'", "", true)]
    // Label keys with / . - _ and digits; whitespace is free.
    [TestCase("has(sg.aws.tigera.io/sg-0a1_b)", "sg.aws.tigera.io/sg-0a1_b=", true)]
    [TestCase("sglambda.io/endpoint-kind=='cluster-node'", "sglambda.io/endpoint-kind=cluster-node", true)]
    [TestCase("  has( a )&&all( )  ", "a=", true)]
    // Keywords are not reserved as label keys.
    [TestCase("in == 'x'", "in=x", true)]
    [TestCase("has(all)", "all=", true)]
    [TestCase("contains contains 'x'", "contains=axb", true)]
    public void Matches_labels_as_Calico_does(string selector, string labels, bool expected)
    {
        Assert.That(LabelSelector.Parse(selector).Matches(Labels(labels)), Is.EqualTo(expected));
    }

    [TestCase("has(a", 5)]
    [TestCase("a ==", 4)]
    [TestCase("a = 'x'", 2)]
    [TestCase("a == 'x", 5)]
    [TestCase("&& has(a)", 0)]
    [TestCase("has(a) has(b)", 7)]
    [TestCase("a in {'x'", 9)]
    [TestCase("a in {'x',}", 10)]
    [TestCase("a not 'x'", 6)]
    [TestCase("a starts 'x'", 9)]
    [TestCase("()", 1)]
    [TestCase("has()", 4)]
    [TestCase("all(x)", 4)]
    [TestCase("a == x", 5)]
    [TestCase("(has(a)", 7)]
    [TestCase("has(a) ||", 9)]
    public void Rejects_bad_syntax_with_the_position(string selector, int position)
    {
        var error = Assert.Throws<SelectorSyntaxException>(() => LabelSelector.Parse(selector));
        Assert.That(error!.Position, Is.EqualTo(position));
        Assert.That(error.Message, Does.Contain(selector));
    }

    [Test]
    public void Caches_parsed_selectors()
    {
        var first = LabelSelector.Parse("has(cached) && x == 'y'");
        var second = LabelSelector.Parse(string.Concat("has(cached)", " && x == 'y'"));
        Assert.That(second, Is.SameAs(first));
    }

    [TestCase("all()", "projectcalico.org/namespace=ns", true)]
    [TestCase("all()", "sglambda.io/endpoint-kind=vpc-member", false)]
    [TestCase("global()", "projectcalico.org/namespace=ns", false)]
    [TestCase("global()", "sglambda.io/endpoint-kind=vpc-member", true)]
    [TestCase("team == 'a'", "pcns.team=a;projectcalico.org/namespace=ns", true)]
    [TestCase("team == 'a'", "team=a;projectcalico.org/namespace=ns", false)]
    [TestCase("projectcalico.org/name == 'prod'", "pcns.projectcalico.org/name=prod", true)]
    [TestCase("all() && team == 'a'", "pcns.team=a;projectcalico.org/namespace=ns", true)]
    public void Namespace_selectors_are_converted_as_Calico_converts_them(string namespaceSelector, string endpointLabels, bool expected)
    {
        Assert.That(LabelSelector.Parse(namespaceSelector).AsNamespaceSelector().Matches(Labels(endpointLabels)), Is.EqualTo(expected));
    }

    [TestCase("a == 'it\"s'")]
    [TestCase("a in {'x', 'y'} && !(has(b) || c starts with \"d\")")]
    [TestCase("a not in {'x'} || a contains 'q' && a ends with 'z'")]
    public void Canonical_text_parses_back_to_the_same_selector(string selector)
    {
        var parsed = LabelSelector.Parse(selector);
        Assert.That(LabelSelector.Parse(parsed.ToString()).ToString(), Is.EqualTo(parsed.ToString()));
    }
}
