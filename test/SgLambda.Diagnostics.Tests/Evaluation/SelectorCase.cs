namespace SgLambda.Diagnostics.Tests.Evaluation;

/// <summary>
/// A random selector for the selector law: its text, the precedence of its top operator (1 = ||,
/// 2 = &amp;&amp;, 3 = unary or atom) and what it means, computed independently of the parser.
/// </summary>
internal sealed record SelectorCase(string Text, int Precedence, Func<IReadOnlyDictionary<string, string>, bool> Meaning)
{
    public override string ToString() => Text;
}
