using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["app"] = "web",
        ["tier"] = "front",
        ["sg.aws.tigera.io/sg-0a1"] = "",
        ["replicas"] = "3",
    };

    [TestCase("", true)]
    [TestCase("app=web", true)]
    [TestCase("app==web", true)]
    [TestCase("app=db", false)]
    [TestCase("app!=db", true)]
    [TestCase("app!=web", false)]
    [TestCase("missing!=x", true)]
    [TestCase("app in (db, web)", true)]
    [TestCase("app in (db)", false)]
    [TestCase("app notin (db)", true)]
    [TestCase("app notin (web,db)", false)]
    [TestCase("missing notin (web)", true)]
    [TestCase("app", true)]
    [TestCase("missing", false)]
    [TestCase("!missing", true)]
    [TestCase("!app", false)]
    [TestCase("app=web,tier=front", true)]
    [TestCase("app=web,tier=back", false)]
    [TestCase("app=web, !missing, tier in (front)", true)]
    [TestCase("sg.aws.tigera.io/sg-0a1", true)]
    [TestCase("sg.aws.tigera.io/sg-0a1=", true)]
    [TestCase("replicas>2", true)]
    [TestCase("replicas<3", false)]
    [TestCase("app>2", false)]
    public void Matches_as_Kubernetes_does(string selector, bool expected)
    {
        Assert.That(LabelSelector.Parse(selector).Matches(Labels), Is.EqualTo(expected));
    }

    [TestCase("app in db")]
    [TestCase("app in ()")]
    [TestCase("app=web,")]
    [TestCase("=web")]
    [TestCase("app=(web)")]
    [TestCase("app==we b")]
    [TestCase("bad key=x")]
    [TestCase("app=-web")]
    [TestCase("replicas>x")]
    [TestCase("a/b/c=x")]
    public void Rejects_malformed_selectors(string selector)
    {
        Assert.That(() => LabelSelector.Parse(selector), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void A_key_that_is_not_a_qualified_name_is_named_in_the_error()
    {
        Assert.That(() => LabelSelector.Parse("-app=web"),
            Throws.TypeOf<FormatException>().With.Message.StartsWith("unable to parse requirement: key: Invalid value: \"-app\""));
    }

    private static readonly string[] Keys = ["a", "b", "example.com/c"];
    private static readonly string[] Values = ["", "x", "y"];

    private static Gen<Dictionary<string, string>> LabelMaps() =>
        Gen.SubListOf(Keys).SelectMany(keys => Gen.ListOf(Gen.Elements(Values), keys.Count)
            .Select(values => keys.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal)));

    // notin is exactly the negation of in, != of =, and !k of k, whatever the labels.
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Negated_operators_are_complements()
    {
        var cases = from labels in LabelMaps()
                    from key in Gen.Elements(Keys)
                    from values in Gen.NonEmptyListOf(Gen.Elements("x", "y", "z"))
                    select (labels, key, values);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var (labels, key, values) = testCase;
            var set = string.Join(",", values);
            return LabelSelector.Parse($"{key} in ({set})").Matches(labels) != LabelSelector.Parse($"{key} notin ({set})").Matches(labels)
                && LabelSelector.Parse($"{key}={values[0]}").Matches(labels) != LabelSelector.Parse($"{key}!={values[0]}").Matches(labels)
                && LabelSelector.Parse(key).Matches(labels) != LabelSelector.Parse($"!{key}").Matches(labels);
        });
    }

    // A comma is AND, and a selector printed back parses to the same meaning.
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Comma_is_conjunction_and_printing_round_trips()
    {
        var terms = Gen.Elements("a=x", "b!=y", "example.com/c", "!a", "b in (x,y)", "a notin (y)", "b==x");
        var cases = from labels in LabelMaps()
                    from first in terms
                    from second in terms
                    select (labels, first, second);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var (labels, first, second) = testCase;
            var both = LabelSelector.Parse($"{first},{second}");
            var expected = LabelSelector.Parse(first).Matches(labels) && LabelSelector.Parse(second).Matches(labels);
            return both.Matches(labels) == expected && LabelSelector.Parse(both.ToString()).Matches(labels) == expected;
        });
    }
}
