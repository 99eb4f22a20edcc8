using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes.Calico;
using SgLambda.Emulators.Kubernetes.Calico.Selectors;

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
    // Corners of libcalico-go's tokenizer and parser that a hand-written grammar easily gets wrong.
    [TestCase("a in {'b',}", TestName = "a set may end with a comma")]
    [TestCase("a notin {'b'} && b startswith 'c' && c endswith 'd'", TestName = "two-word operators may be written as one word")]
    [TestCase("a not\tin{'b'}", TestName = "tabs are blanks")]
    [TestCase("in == 'x' && has == 'y' && all != 'z'", TestName = "operator and function names are labels elsewhere")]
    [TestCase("a == 'it\"s' || b == \"it's\"", TestName = "a quote of the other kind is text")]
    [TestCase("!!!(a in {})", TestName = "negations stack")]
    public void Accepts_what_Calico_parses(string selector)
    {
        Assert.That(ErrorsFor(selector), Is.Empty);
    }

    // Selectors SgLambda renders (taken from the golden files and fixtures of its translation tests).
    [TestCase("(has(projectcalico.org/namespace) || sglambda.io/endpoint-kind == 'cluster-node') && ((has(sg.aws.tigera.io/sg-0c5e1a7b3d9f24681) && projectcalico.org/namespace not in {'kube-system', 'calico-system', 'calico-apiserver', 'tigera-operator'}) || projectcalico.org/namespace in {'kube-system', 'calico-system', 'calico-apiserver', 'tigera-operator'})")]
    [TestCase("has(projectcalico.org/namespace) && aws.tigera.io/allow-metadata-access != 'true'")]
    [TestCase("has(projectcalico.org/namespace) || (sglambda.io/endpoint-kind == 'cluster-node' && sglambda.io/sg-governed == 'true')")]
    [TestCase("sglambda.io/endpoint-kind in {'vpc-member', 'cluster-node'}")]
    [TestCase("sglambda.io/prefix-list == 'pl-0c2e4a6b8d0f13579'")]
    [TestCase("projectcalico.org/orchestrator == 'k8s' && app not in { 'debug' } && has(role) && ! has(legacy)")]
    [TestCase("projectcalico.org/orchestrator == 'k8s' && sg.aws.tigera.io/sg-98765432109876 in { '' }")]
    [TestCase("projectcalico.org/orchestrator == 'k8s' && sg.aws.tigera.io/sg-0a1b2c3d4e5f60718 == ''")]
    public void Accepts_what_SgLambda_renders(string selector)
    {
        Assert.That(ErrorsFor(selector), Is.Empty);
    }

    [Test]
    public void A_newline_is_not_a_blank()
    {
        Assert.That(CalicoSelectorSyntax.Problem("a == 'b'\n"), Is.EqualTo("invalid selector \"a == 'b'\n\" at position 8: expected a label"));
    }

    [Test]
    public void A_label_may_have_512_characters_and_no_more()
    {
        Assert.That(ErrorsFor($"has({new string('a', CalicoSelectorTokenizer.MaxLabelLength)})"), Is.Empty);
        Assert.That(ErrorsFor($"has({new string('a', CalicoSelectorTokenizer.MaxLabelLength + 1)})"), Has.Count.EqualTo(1));
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
    [TestCase("has (a)", TestName = "no blank between has and its parenthesis")]
    [TestCase("a in {'b',,}", TestName = "two commas in a set")]
    [TestCase("a in {,}", TestName = "a set of only a comma")]
    [TestCase("a == 'b' && (c == 'd'))", TestName = "an extra closing parenthesis")]
    [TestCase("a contains b", TestName = "an unquoted value")]
    public void Rejects_what_Calico_rejects(string selector)
    {
        Assert.That(ErrorsFor(selector), Has.Count.EqualTo(1).And.All.StartWith($"spec.selector: Invalid value: \"{selector}\": invalid selector"));
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Every_selector_of_the_grammar_is_accepted()
    {
        return Prop.ForAll(Selector(3).ToArbitrary(), selector => ErrorsFor(selector).Count == 0);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property A_selector_of_the_grammar_cut_short_by_one_character_is_rejected()
    {
        // Every production ends in ')', '}' or a closing quote, so none survives losing its last character.
        return Prop.ForAll(Selector(3).ToArbitrary(), selector => CalicoSelectorSyntax.Problem(selector[..^1]) is not null);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property An_error_points_into_the_selector()
    {
        return Prop.ForAll(Selector(2).ToArbitrary(), Gen.Choose(0, 200).ToArbitrary(), (selector, cut) =>
        {
            var text = selector[..Math.Min(cut, selector.Length)] + "#";
            var problem = CalicoSelectorSyntax.Problem(text);
            var prefix = $"invalid selector \"{text}\" at position ";
            return problem is not null && problem.StartsWith(prefix, StringComparison.Ordinal)
                && int.Parse(problem[prefix.Length..problem.IndexOf(':', prefix.Length)], CultureInfo.InvariantCulture) is var position
                && position >= 0 && position <= text.Length;
        });
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
