using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Emulators.Tests.Kubernetes.Calico;

/// <summary>Selectors as Calico's parser takes them (libcalico-go/lib/selector), checked on a policy's <c>spec.selector</c>.</summary>
public class SelectorValidationTests
{
    private static List<string> ErrorsFor(string selector)
    {
        var policy = Fixtures.Valid("globalnetworkpolicy", "projectcalico.org/v3");
        policy["spec"]!["selector"] = selector;
        return CalicoSemanticValidator.Validate(policy).Select(error => error.ToString()).ToList();
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("all()")]
    [TestCase("has(sg.aws.tigera.io/sg-0a1b2c3d)")]
    [TestCase("has( projectcalico.org/namespace )")]
    [TestCase("has(projectcalico.org/namespace) || sglambda.io/endpoint-kind == 'cluster-node'")]
    [TestCase("a == \"x y\" && b != 'z'")]
    [TestCase("!!has(a) && !(b == 'c' || !has(d))")]
    [TestCase("kind in {'vpc-member', \"cluster-node\"} && x not in {}")]
    [TestCase("name starts with 'web' && name ends  with '-1' && name contains 'b'")]
    public void Accepts_what_Calico_parses(string selector)
    {
        Assert.That(ErrorsFor(selector), Is.Empty);
    }

    [TestCase("has(a")]
    [TestCase("has()")]
    [TestCase("all(x)")]
    [TestCase("a = 'b'")]
    [TestCase("a == 'b' & c")]
    [TestCase("a == 'b' | c")]
    [TestCase("a == 'b")]
    [TestCase("a == b")]
    [TestCase("#a")]
    [TestCase("a > 'b'")]
    [TestCase("a is 'b'")]
    [TestCase("a starts 'b'")]
    [TestCase("a in ('b')")]
    [TestCase("a in {'b' 'c'}")]
    [TestCase("(has(a)")]
    [TestCase("has(a) has(b)")]
    [TestCase("has(a) &&")]
    [TestCase("!")]
    [TestCase("a)")]
    [TestCase("'a' == 'b'")]
    public void Rejects_what_Calico_rejects(string selector)
    {
        Assert.That(ErrorsFor(selector), Has.Count.EqualTo(1).And.All.StartWith($"spec.selector: Invalid value: \"{selector}\": invalid selector"));
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Every_selector_of_the_grammar_is_accepted()
    {
        return Prop.ForAll(Selector(3).ToArbitrary(), selector => ErrorsFor(selector).Count == 0);
    }

    private static Gen<string> Selector(int depth)
    {
        var label = Gen.Elements("app", "sg.aws.tigera.io/sg-0a1b", "projectcalico.org/namespace", "a_b-c.d");
        var value = Gen.Elements("'web'", "\"x y\"", "''", "'cluster-node'");
        var values = Gen.ListOf(value).Select(list => "{" + string.Join(", ", list) + "}");
        var operation = Gen.OneOf(
            label.Select(name => $"has({name})"),
            Gen.Constant("all()"),
            from name in label
            from op in Gen.Elements("==", "!=", "contains", "starts with", "ends with")
            from text in value
            select $"{name} {op} {text}",
            from name in label
            from op in Gen.Elements("in", "not in")
            from set in values
            select $"{name} {op} {set}");
        if (depth == 0) return operation;
        var inner = Selector(depth - 1);
        return Gen.OneOf(
            operation,
            inner.Select(expression => "!" + expression),
            inner.Select(expression => $"({expression})"),
            from left in inner from op in Gen.Elements(" && ", " || ", "&&") from right in inner select left + op + right);
    }
}
