namespace SgLambda.Emulators.Kubernetes.Calico.Selectors;

/// <summary>
/// Splits a selector into tokens as libcalico-go's <c>tokenizer.AppendTokens</c> does: blanks are spaces and
/// tabs only; <c>has(</c>, <c>all(</c> and <c>global(</c> are read whole (no blank before the parenthesis);
/// the word operators (<c>in</c>, <c>not in</c>, <c>contains</c>, <c>starts with</c>, <c>ends with</c>) are
/// recognised only right after a label; string literals run to the next matching quote, with no escapes.
/// </summary>
public static class CalicoSelectorTokenizer
{
    /// <summary>libcalico-go <c>tokenizer.MaxLabelLength</c>.</summary>
    public const int MaxLabelLength = 512;

    /// <summary>The tokens, ending with <see cref="SelectorTokenKind.End"/>; throws on text Calico cannot tokenize.</summary>
    public static List<SelectorToken> Tokenize(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var tokens = new List<SelectorToken>();
        var at = SkipBlanks(selector, 0);
        while (at < selector.Length)
        {
            var start = at;
            var afterLabel = tokens.Count > 0 && tokens[^1].Kind == SelectorTokenKind.Label;
            switch (selector[at])
            {
                case '(': tokens.Add(new(SelectorTokenKind.LeftParenthesis, start)); at++; break;
                case ')': tokens.Add(new(SelectorTokenKind.RightParenthesis, start)); at++; break;
                case '{': tokens.Add(new(SelectorTokenKind.LeftBrace, start)); at++; break;
                case '}': tokens.Add(new(SelectorTokenKind.RightBrace, start)); at++; break;
                case ',': tokens.Add(new(SelectorTokenKind.Comma, start)); at++; break;
                case '"' or '\'':
                    var close = selector.IndexOf(selector[at], at + 1);
                    if (close < 0) throw Error(selector, start, "unterminated string");
                    tokens.Add(new(SelectorTokenKind.StringLiteral, start, selector[(at + 1)..close]));
                    at = close + 1;
                    break;
                case '=':
                    if (!At(selector, at, "==")) throw Error(selector, start, afterLabel ? ExpectedOperator(tokens[^1]) : "expected \"==\"");
                    tokens.Add(new(SelectorTokenKind.Equal, start));
                    at += 2;
                    break;
                case '!':
                    var notEqual = At(selector, at, "!=");
                    tokens.Add(new(notEqual ? SelectorTokenKind.NotEqual : SelectorTokenKind.Not, start));
                    at += notEqual ? 2 : 1;
                    break;
                case '&':
                    if (!At(selector, at, "&&")) throw Error(selector, start, "expected \"&&\"");
                    tokens.Add(new(SelectorTokenKind.And, start));
                    at += 2;
                    break;
                case '|':
                    if (!At(selector, at, "||")) throw Error(selector, start, "expected \"||\"");
                    tokens.Add(new(SelectorTokenKind.Or, start));
                    at += 2;
                    break;
                default:
                    at = afterLabel ? ReadOperator(selector, at, tokens) : ReadOperand(selector, at, tokens);
                    break;
            }
            at = SkipBlanks(selector, at);
        }
        tokens.Add(new(SelectorTokenKind.End, selector.Length));
        return tokens;
    }

    /// <summary>After a label only an operator may follow; the word operators need a word boundary after them.</summary>
    private static int ReadOperator(string selector, int at, List<SelectorToken> tokens)
    {
        (SelectorTokenKind Kind, string[] Words)[] operators =
        [
            (SelectorTokenKind.Contains, ["contains"]),
            (SelectorTokenKind.StartsWith, ["starts", "with"]),
            (SelectorTokenKind.EndsWith, ["ends", "with"]),
            (SelectorTokenKind.NotIn, ["not", "in"]),
            (SelectorTokenKind.In, ["in"]),
        ];
        foreach (var (kind, words) in operators)
        {
            if (ReadWords(selector, at, words) is { } end)
            {
                tokens.Add(new(kind, at));
                return end;
            }
        }
        throw Error(selector, at, ExpectedOperator(tokens[^1]));
    }

    /// <summary>
    /// The words in order, blanks allowed between them (Calico also takes "notin"), and no label character
    /// right after the last; the position after it, or null.
    /// </summary>
    private static int? ReadWords(string selector, int at, string[] words)
    {
        var position = at;
        for (var index = 0; index < words.Length; index++)
        {
            if (index > 0) position = SkipBlanks(selector, position);
            if (!At(selector, position, words[index])) return null;
            position += words[index].Length;
        }
        return position < selector.Length && IsLabelCharacter(selector[position]) ? null : position;
    }

    private static int ReadOperand(string selector, int at, List<SelectorToken> tokens)
    {
        if (At(selector, at, "has("))
        {
            var position = SkipBlanks(selector, at + 4);
            var (label, afterLabel) = ReadLabel(selector, position);
            position = SkipBlanks(selector, afterLabel);
            if (!At(selector, position, ")")) throw Error(selector, position, "expected \")\"");
            tokens.Add(new(SelectorTokenKind.Has, at, label));
            return position + 1;
        }
        foreach (var (call, kind) in new[] { ("all(", SelectorTokenKind.All), ("global(", SelectorTokenKind.Global) })
        {
            if (!At(selector, at, call)) continue;
            var position = SkipBlanks(selector, at + call.Length);
            if (!At(selector, position, ")")) throw Error(selector, position, "expected \")\"");
            tokens.Add(new(kind, at));
            return position + 1;
        }
        var (name, end) = ReadLabel(selector, at);
        tokens.Add(new(SelectorTokenKind.Label, at, name));
        return end;
    }

    private static (string Label, int End) ReadLabel(string selector, int at)
    {
        var end = at;
        while (end < selector.Length && IsLabelCharacter(selector[end])) end++;
        if (end == at) throw Error(selector, at, "expected a label");
        if (end - at > MaxLabelLength) throw Error(selector, at, $"label longer than {MaxLabelLength} characters");
        return (selector[at..end], end);
    }

    internal static string ExpectedOperator(SelectorToken label) =>
        $"expected an operator (==, !=, in, not in, contains, starts with, ends with) after label \"{label.Value}\"";

    /// <summary>libcalico-go <c>identifierChar</c>.</summary>
    private static bool IsLabelCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-';

    private static int SkipBlanks(string selector, int at)
    {
        while (at < selector.Length && selector[at] is ' ' or '\t') at++;
        return at;
    }

    private static bool At(string selector, int at, string text) =>
        string.CompareOrdinal(selector, at, text, 0, text.Length) == 0;

    /// <summary>The one form of every complaint: the selector, the position and what was expected there.</summary>
    internal static FormatException Error(string selector, int position, string expected) =>
        new($"invalid selector \"{selector}\" at position {position}: {expected}");
}
