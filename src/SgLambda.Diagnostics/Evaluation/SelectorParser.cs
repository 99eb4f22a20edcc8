using static SgLambda.Diagnostics.Evaluation.SelectorNode;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// Recursive-descent parser for Calico's selector syntax. Precedence: <c>!</c> binds tightest, then
/// <c>&amp;&amp;</c>, then <c>||</c>; both binary operators associate to the left.
/// </summary>
internal sealed class SelectorParser
{
    private readonly string _text;
    private int _position;

    private SelectorParser(string text) => _text = text;

    /// <summary>An empty or blank selector is <c>all()</c>, as in Calico.</summary>
    public static SelectorNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return AllNode.Instance;
        var parser = new SelectorParser(text);
        var node = parser.ParseOr();
        parser.SkipSpace();
        if (parser._position < text.Length) throw parser.Error("expected \"&&\", \"||\" or the end of the selector");
        return node;
    }

    private SelectorNode ParseOr()
    {
        var left = ParseAnd();
        while (TryConsume("||")) left = new OrNode(left, ParseAnd());
        return left;
    }

    private SelectorNode ParseAnd()
    {
        var left = ParseUnary();
        while (TryConsume("&&")) left = new AndNode(left, ParseUnary());
        return left;
    }

    private SelectorNode ParseUnary()
    {
        SkipSpace();
        if (TryConsume("!")) return new NotNode(ParseUnary());
        if (TryConsume("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }
        if (TryConsumeCall("all")) return ExpectEmptyCall(AllNode.Instance);
        if (TryConsumeCall("global")) return ExpectEmptyCall(GlobalNode.Instance);
        if (TryConsumeCall("has"))
        {
            var key = ReadKey();
            Expect(")");
            return new HasNode(key);
        }
        return ParseComparison(ReadKey());
    }

    private SelectorNode ParseComparison(string key)
    {
        if (TryConsume("==")) return new CompareNode(key, CompareOperator.Equal, ReadString());
        if (TryConsume("!=")) return new CompareNode(key, CompareOperator.NotEqual, ReadString());
        if (TryConsumeWord("in")) return new InNode(key, ReadSet(), Negated: false);
        if (TryConsumeWord("not"))
        {
            if (!TryConsumeWord("in")) throw Error("expected \"in\" after \"not\"");
            return new InNode(key, ReadSet(), Negated: true);
        }
        if (TryConsumeWord("contains")) return new CompareNode(key, CompareOperator.Contains, ReadString());
        if (TryConsumeWord("starts"))
        {
            if (!TryConsumeWord("with")) throw Error("expected \"with\" after \"starts\"");
            return new CompareNode(key, CompareOperator.StartsWith, ReadString());
        }
        if (TryConsumeWord("ends"))
        {
            if (!TryConsumeWord("with")) throw Error("expected \"with\" after \"ends\"");
            return new CompareNode(key, CompareOperator.EndsWith, ReadString());
        }
        throw Error($"expected an operator (==, !=, in, not in, contains, starts with, ends with) after label \"{key}\"");
    }

    private SelectorNode ExpectEmptyCall(SelectorNode node)
    {
        Expect(")");
        return node;
    }

    private string ReadKey()
    {
        SkipSpace();
        var start = _position;
        while (_position < _text.Length && IsKeyChar(_text[_position])) _position++;
        if (_position == start) throw Error("expected a label key");
        return _text[start.._position];
    }

    private string ReadString()
    {
        SkipSpace();
        if (_position >= _text.Length || _text[_position] is not ('\'' or '"')) throw Error("expected a quoted string");
        var quote = _text[_position];
        var end = _text.IndexOf(quote, _position + 1);
        if (end < 0) throw Error("unterminated string");
        var value = _text[(_position + 1)..end];
        _position = end + 1;
        return value;
    }

    private HashSet<string> ReadSet()
    {
        Expect("{");
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (TryConsume("}")) return values;
        do values.Add(ReadString());
        while (TryConsume(","));
        Expect("}");
        return values;
    }

    private bool TryConsume(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0) return false;
        _position += token.Length;
        return true;
    }

    /// <summary>A keyword only when a label key cannot continue after it (so a label may be named "in").</summary>
    private bool TryConsumeWord(string word)
    {
        SkipSpace();
        var end = _position + word.Length;
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) return false;
        if (end < _text.Length && IsKeyChar(_text[end])) return false;
        _position = end;
        return true;
    }

    /// <summary><c>name(</c>, allowing spaces before the parenthesis; otherwise <c>name</c> is a label key.</summary>
    private bool TryConsumeCall(string name)
    {
        var start = _position;
        if (!TryConsumeWord(name)) return false;
        if (TryConsume("(")) return true;
        _position = start;
        return false;
    }

    private void Expect(string token)
    {
        if (!TryConsume(token)) throw Error($"expected \"{token}\"");
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private SelectorSyntaxException Error(string expected) => new(_text, _position, expected);

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-';
}
