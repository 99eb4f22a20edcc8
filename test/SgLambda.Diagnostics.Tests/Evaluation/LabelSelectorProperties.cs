using FsCheck;
using FsCheck.Fluent;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Tests.Evaluation;

/// <summary>
/// The law: a selector printed with only the parentheses precedence requires (plus random redundant
/// ones and spacing) means what its structure says, and its canonical form means the same.
/// </summary>
public class LabelSelectorProperties
{
    private static readonly string[] Keys = ["a", "b", "sg.aws.tigera.io/sg-1", "x_y.io/k-2"];
    private static readonly string[] Values = ["", "v", "vw", "wv"];

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Parsed_selectors_mean_what_their_structure_says()
    {
        var cases = from selector in Gen.Sized(size => Expression(Math.Min(size / 10, 4)))
                    from labelSets in LabelSet().ListOf(8)
                    select (selector, labelSets);
        return Prop.ForAll(Arb.From(cases), input =>
        {
            var parsed = LabelSelector.Parse(input.selector.Text);
            var canonical = LabelSelector.Parse(parsed.ToString());
            return input.labelSets.All(labels =>
                parsed.Matches(labels) == input.selector.Meaning(labels)
                && canonical.Matches(labels) == input.selector.Meaning(labels));
        });
    }

    private static Gen<IReadOnlyDictionary<string, string>> LabelSet() =>
        from present in Gen.SubListOf(Keys)
        from values in Gen.Elements(Values).ArrayOf(present.Count)
        select (IReadOnlyDictionary<string, string>)present.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);

    private static Gen<SelectorCase> Expression(int depth)
    {
        if (depth <= 0) return Atom();
        var inner = Expression(depth - 1);
        return Gen.Frequency(
            (3, Atom()),
            (1, inner.Select(Not)),
            (2, Gen.Zip(inner, inner).Select(pair => Binary(pair.Item1, "&&", 2, pair.Item2))),
            (2, Gen.Zip(inner, inner).Select(pair => Binary(pair.Item1, "||", 1, pair.Item2))),
            (1, inner.Select(Parenthesized)));
    }

    private static Gen<SelectorCase> Atom() =>
        from key in Gen.Elements(Keys)
        from value in Gen.Elements(Values)
        from other in Gen.Elements(Values)
        from quote in Gen.Elements("'", "\"")
        from kind in Gen.Choose(0, 10)
        select Leaf(kind, key, value, other, quote);

    private static SelectorCase Leaf(int kind, string key, string value, string other, string quote)
    {
        var q = $"{quote}{value}{quote}";
        var set = $"{{{quote}{value}{quote}, {quote}{other}{quote}}}";
        static string? Get(IReadOnlyDictionary<string, string> labels, string key) => labels.TryGetValue(key, out var v) ? v : null;
        return kind switch
        {
            0 => new($"has({key})", 3, labels => labels.ContainsKey(key)),
            1 => new($"{key} == {q}", 3, labels => Get(labels, key) == value),
            2 => new($"{key} != {q}", 3, labels => Get(labels, key) != value),
            3 => new($"{key} in {set}", 3, labels => Get(labels, key) is { } v && (v == value || v == other)),
            4 => new($"{key} not in {set}", 3, labels => Get(labels, key) is not { } v || (v != value && v != other)),
            5 => new($"{key} contains {q}", 3, labels => Get(labels, key)?.Contains(value, StringComparison.Ordinal) == true),
            6 => new($"{key} starts with {q}", 3, labels => Get(labels, key)?.StartsWith(value, StringComparison.Ordinal) == true),
            7 => new($"{key} ends with {q}", 3, labels => Get(labels, key)?.EndsWith(value, StringComparison.Ordinal) == true),
            8 => new("all()", 3, _ => true),
            9 => new("global()", 3, _ => true),
            _ => new($"!has({key})", 3, labels => !labels.ContainsKey(key)),
        };
    }

    private static SelectorCase Not(SelectorCase operand) =>
        new($"!{Wrap(operand, 3)}", 3, labels => !operand.Meaning(labels));

    /// <summary>Both operators are associative, so an operand needs parentheses only when it binds looser.</summary>
    private static SelectorCase Binary(SelectorCase left, string op, int precedence, SelectorCase right) =>
        new(
            $"{Wrap(left, precedence)} {op} {Wrap(right, precedence)}",
            precedence,
            op == "&&" ? labels => left.Meaning(labels) && right.Meaning(labels) : labels => left.Meaning(labels) || right.Meaning(labels));

    private static SelectorCase Parenthesized(SelectorCase inner) => new($"( {inner.Text} )", 3, inner.Meaning);

    private static string Wrap(SelectorCase operand, int precedence) =>
        operand.Precedence < precedence ? $"({operand.Text})" : operand.Text;
}
