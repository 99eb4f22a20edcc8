namespace SgLambda.Emulators.Kubernetes.Calico.Selectors;

/// <summary>
/// Checks a selector as libcalico-go's <c>selector.Validate</c> does (<c>lib/selector/parser</c>): an empty
/// selector is valid; otherwise <c>or := and ("||" and)*</c>, <c>and := operation ("&amp;&amp;" operation)*</c>,
/// <c>operation := "!"* (has(label) | all() | global() | label op "string" | label [not] in {"string", ...} | "(" or ")")</c>.
/// A set may be empty and may end with a comma. The emulator's own reading, independent of SgLambda's parser.
/// </summary>
public sealed class CalicoSelectorSyntax
{
    private readonly string _selector;
    private readonly List<SelectorToken> _tokens;
    private int _next;

    private CalicoSelectorSyntax(string selector, List<SelectorToken> tokens)
    {
        _selector = selector;
        _tokens = tokens;
    }

    /// <summary>Why Calico refuses the selector, or null when it takes it.</summary>
    public static string? Problem(string selector)
    {
        try
        {
            var syntax = new CalicoSelectorSyntax(selector, CalicoSelectorTokenizer.Tokenize(selector));
            if (syntax.Peek.Kind == SelectorTokenKind.End) return null;
            syntax.Or();
            if (syntax.Peek.Kind != SelectorTokenKind.End) throw syntax.Error("expected \"&&\", \"||\" or the end of the selector");
            return null;
        }
        catch (FormatException problem)
        {
            return problem.Message;
        }
    }

    private SelectorToken Peek => _tokens[_next];

    private void Or()
    {
        And();
        while (Take(SelectorTokenKind.Or)) And();
    }

    private void And()
    {
        Operation();
        while (Take(SelectorTokenKind.And)) Operation();
    }

    private void Operation()
    {
        while (Take(SelectorTokenKind.Not))
        {
        }
        var first = Peek;
        _next++;
        switch (first.Kind)
        {
            case SelectorTokenKind.Has or SelectorTokenKind.All or SelectorTokenKind.Global:
                return;
            case SelectorTokenKind.LeftParenthesis:
                Or();
                Expect(SelectorTokenKind.RightParenthesis, "expected \")\"");
                return;
            case SelectorTokenKind.Label:
                Comparison(first);
                return;
            default:
                _next--;
                throw Error("expected a label, has(), all(), global(), \"!\" or \"(\"");
        }
    }

    private void Comparison(SelectorToken label)
    {
        switch (Peek.Kind)
        {
            case SelectorTokenKind.Equal or SelectorTokenKind.NotEqual or SelectorTokenKind.Contains
                or SelectorTokenKind.StartsWith or SelectorTokenKind.EndsWith:
                _next++;
                Expect(SelectorTokenKind.StringLiteral, "expected a quoted string");
                return;
            case SelectorTokenKind.In or SelectorTokenKind.NotIn:
                _next++;
                Expect(SelectorTokenKind.LeftBrace, "expected \"{\"");
                while (Take(SelectorTokenKind.StringLiteral) && Take(SelectorTokenKind.Comma))
                {
                }
                Expect(SelectorTokenKind.RightBrace, "expected \"}\"");
                return;
            default:
                throw Error(CalicoSelectorTokenizer.ExpectedOperator(label));
        }
    }

    private bool Take(SelectorTokenKind kind)
    {
        if (Peek.Kind != kind) return false;
        _next++;
        return true;
    }

    private void Expect(SelectorTokenKind kind, string expected)
    {
        if (!Take(kind)) throw Error(expected);
    }

    private FormatException Error(string expected) => CalicoSelectorTokenizer.Error(_selector, Peek.Position, expected);
}
