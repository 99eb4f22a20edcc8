using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Emulators.Tests.Kubernetes.Calico;

public class CalicoSelectorSyntaxTests
{
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("all()")]
    [TestCase("global()")]
    [TestCase("has(sg.aws.tigera.io/sg-0a1b2c3d)")]
    [TestCase("has( projectcalico.org/namespace )")]
    [TestCase("has(projectcalico.org/namespace) || sglambda.io/endpoint-kind == 'cluster-node'")]
    [TestCase("a == \"x y\" && b != 'z'")]
    [TestCase("!!has(a) && !(b == 'c' || !has(d))")]
    [TestCase("kind in {'vpc-member', \"cluster-node\"} && x not in {}")]
    [TestCase("name starts with 'web' && name ends  with '-1' && name contains 'b'")]
    [TestCase("a in {'x',}")]
    public void Accepts_what_Calico_parses(string selector)
    {
        Assert.That(CalicoSelectorSyntax.Validate(selector), Is.Null);
    }

    [TestCase("has(a", "no label name in has( expression")]
    [TestCase("has(a b)", "no closing ')' after has(")]
    [TestCase("has()", "no label name in has( expression")]
    [TestCase("all(x)", "no closing ')' after all(")]
    [TestCase("a = 'b'", "expected ==")]
    [TestCase("a == 'b' & c", "expected &&")]
    [TestCase("a == 'b' | c", "expected ||")]
    [TestCase("a == 'b", "unterminated string")]
    [TestCase("a == b)", "expected string")]
    [TestCase("#a", "unexpected characters")]
    [TestCase("a > 'b'", "unexpected characters after label 'a', was expecting an operator")]
    [TestCase("a is 'b')", "unexpected characters after label 'a', was expecting an operator")]
    [TestCase("a starts 'b')", "unexpected characters after label 'a', was expecting an operator")]
    [TestCase("a in ('b')", "expected set literal")]
    [TestCase("a in {'b' 'c'}", "expected }")]
    [TestCase("(has(a)", "expected )")]
    [TestCase("has(a) has(b)", "unexpected content at end of selector [TokHas(b) TokEOF()]")]
    [TestCase("has(a) &&", "unexpected token: TokEOF()")]
    [TestCase("!", "unexpected token: TokEOF()")]
    [TestCase("a)", "expected == or != not: TokRParen()")]
    [TestCase("'a' == 'b'", "unexpected token: TokStringLiteral(a)")]
    public void Rejects_what_Calico_rejects_with_its_message(string selector, string message)
    {
        Assert.That(CalicoSelectorSyntax.Validate(selector), Is.EqualTo(message));
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Every_selector_of_the_grammar_is_accepted()
    {
        return Prop.ForAll(Selector(3).ToArbitrary(), selector => CalicoSelectorSyntax.Validate(selector) is null);
    }

    private static Gen<string> Selector(int depth)
    {
        var label = Gen.Elements("app", "sg.aws.tigera.io/sg-0a1b", "projectcalico.org/namespace", "a_b-c.d");
        var value = Gen.Elements("'web'", "\"x y\"", "''", "'cluster-node'");
        var values = Gen.ListOf(value).Select(list => "{" + string.Join(", ", list) + "}");
        var operation = Gen.OneOf(
            label.Select(name => $"has({name})"),
            Gen.Constant("all()"),
            Gen.Constant("global()"),
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
