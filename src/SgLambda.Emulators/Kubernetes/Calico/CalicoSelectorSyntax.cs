namespace SgLambda.Emulators.Kubernetes.Calico;

/// <summary>
/// Whether a string is a valid Calico selector: a port of libcalico-go's selector tokenizer and its
/// validate-only parse (libcalico-go/lib/selector/tokenizer/tokenizer.go, parser/parser.go), with their
/// error messages. Grammar: <c>||</c> of <c>&amp;&amp;</c> of operations; an operation is any number of
/// <c>!</c>, then <c>has(label)</c>, <c>all()</c>, <c>global()</c>, <c>label == "v"</c>, <c>!=</c>,
/// <c>contains</c>, <c>starts with</c>, <c>ends with</c>, <c>in {...}</c>, <c>not in {...}</c>, or a
/// parenthesised expression. The empty selector is valid (it means <c>all()</c>).
/// </summary>
public static class CalicoSelectorSyntax
{
    /// <summary>Null when <paramref name="selector"/> parses; otherwise Calico's error message.</summary>
    public static string? Validate(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (tokens, error) = Tokenize(selector);
        if (error is not null) return error;
        if (tokens[0].Kind == SelectorTokenKind.Eof) return null;
        var position = 0;
        error = ParseOr(tokens, ref position);
        if (error is not null) return error;
        return tokens[position].Kind == SelectorTokenKind.Eof ? null : "unexpected content at end of selector " + Describe(tokens.Skip(position));
    }

    private static string? ParseOr(List<SelectorToken> tokens, ref int position)
    {
        var error = ParseAnd(tokens, ref position);
        while (error is null && tokens[position].Kind == SelectorTokenKind.Or)
        {
            position++;
            error = ParseAnd(tokens, ref position);
        }
        return error;
    }

    private static string? ParseAnd(List<SelectorToken> tokens, ref int position)
    {
        var error = ParseOperation(tokens, ref position);
        while (error is null && tokens[position].Kind == SelectorTokenKind.And)
        {
            position++;
            error = ParseOperation(tokens, ref position);
        }
        return error;
    }

    private static string? ParseOperation(List<SelectorToken> tokens, ref int position)
    {
        while (tokens[position].Kind == SelectorTokenKind.Not) position++;
        var token = tokens[position];
        switch (token.Kind)
        {
            case SelectorTokenKind.Has or SelectorTokenKind.All or SelectorTokenKind.Global:
                position++;
                return null;
            case SelectorTokenKind.Label:
                if (tokens.Count - position < 3) return "unexpected end of string looking for op";
                var op = tokens[position + 1].Kind;
                switch (op)
                {
                    case SelectorTokenKind.Eq or SelectorTokenKind.Ne or SelectorTokenKind.Contains or SelectorTokenKind.StartsWith or SelectorTokenKind.EndsWith:
                        if (tokens[position + 2].Kind != SelectorTokenKind.StringLiteral) return "expected string";
                        position += 3;
                        return null;
                    case SelectorTokenKind.In or SelectorTokenKind.NotIn:
                        if (tokens[position + 2].Kind != SelectorTokenKind.LBrace) return "expected set literal";
                        position += 3;
                        while (tokens[position].Kind == SelectorTokenKind.StringLiteral)
                        {
                            position++;
                            if (tokens[position].Kind != SelectorTokenKind.Comma) break;
                            position++;
                        }
                        if (tokens[position].Kind != SelectorTokenKind.RBrace) return "expected }";
                        position++;
                        return null;
                    default:
                        return "expected == or != not: " + Describe(tokens[position + 1]);
                }
            case SelectorTokenKind.LParen:
                position++;
                var error = ParseOr(tokens, ref position);
                if (error is not null) return error;
                if (tokens[position].Kind != SelectorTokenKind.RParen) return "expected )";
                position++;
                return null;
            default:
                return "unexpected token: " + Describe(token);
        }
    }

    private static (List<SelectorToken> Tokens, string? Error) Tokenize(string input)
    {
        var tokens = new List<SelectorToken>();
        var rest = input.AsSpan();
        while (true)
        {
            rest = rest.TrimStart(" \t");
            if (rest.IsEmpty)
            {
                tokens.Add(new SelectorToken(SelectorTokenKind.Eof, ""));
                return (tokens, null);
            }
            var lastKind = tokens.Count > 0 ? tokens[^1].Kind : (SelectorTokenKind?)null;
            switch (rest[0])
            {
                case '(': tokens.Add(new SelectorToken(SelectorTokenKind.LParen, "")); rest = rest[1..]; continue;
                case ')': tokens.Add(new SelectorToken(SelectorTokenKind.RParen, "")); rest = rest[1..]; continue;
                case '{': tokens.Add(new SelectorToken(SelectorTokenKind.LBrace, "")); rest = rest[1..]; continue;
                case '}': tokens.Add(new SelectorToken(SelectorTokenKind.RBrace, "")); rest = rest[1..]; continue;
                case ',': tokens.Add(new SelectorToken(SelectorTokenKind.Comma, "")); rest = rest[1..]; continue;
                case '"' or '\'':
                    var quote = rest[0];
                    rest = rest[1..];
                    var end = rest.IndexOf(quote);
                    if (end < 0) return (tokens, "unterminated string");
                    tokens.Add(new SelectorToken(SelectorTokenKind.StringLiteral, rest[..end].ToString()));
                    rest = rest[(end + 1)..];
                    continue;
                case '=':
                    if (rest.Length > 1 && rest[1] == '=') { tokens.Add(new SelectorToken(SelectorTokenKind.Eq, "")); rest = rest[2..]; continue; }
                    return (tokens, "expected ==");
                case '!':
                    if (rest.Length > 1 && rest[1] == '=') { tokens.Add(new SelectorToken(SelectorTokenKind.Ne, "")); rest = rest[2..]; }
                    else { tokens.Add(new SelectorToken(SelectorTokenKind.Not, "")); rest = rest[1..]; }
                    continue;
                case '&':
                    if (rest.Length > 1 && rest[1] == '&') { tokens.Add(new SelectorToken(SelectorTokenKind.And, "")); rest = rest[2..]; continue; }
                    return (tokens, "expected &&");
                case '|':
                    if (rest.Length > 1 && rest[1] == '|') { tokens.Add(new SelectorToken(SelectorTokenKind.Or, "")); rest = rest[2..]; continue; }
                    return (tokens, "expected ||");
            }

            if (lastKind == SelectorTokenKind.Label)
            {
                // After a label comes an operator word, matched by prefix as Calico's tokenizer does.
                var label = tokens[^1].Value;
                var unexpected = $"unexpected characters after label '{label}', was expecting an operator";
                if (rest.StartsWith("contains")) { tokens.Add(new SelectorToken(SelectorTokenKind.Contains, "")); rest = rest["contains".Length..]; }
                else if (rest.StartsWith("starts"))
                {
                    rest = rest["starts".Length..].TrimStart(" \t");
                    if (!rest.StartsWith("with")) return (tokens, unexpected);
                    tokens.Add(new SelectorToken(SelectorTokenKind.StartsWith, ""));
                    rest = rest["with".Length..];
                }
                else if (rest.StartsWith("ends"))
                {
                    rest = rest["ends".Length..].TrimStart(" \t");
                    if (!rest.StartsWith("with")) return (tokens, unexpected);
                    tokens.Add(new SelectorToken(SelectorTokenKind.EndsWith, ""));
                    rest = rest["with".Length..];
                }
                else if (rest.StartsWith("not"))
                {
                    rest = rest["not".Length..].TrimStart(" \t");
                    if (!rest.StartsWith("in")) return (tokens, unexpected);
                    tokens.Add(new SelectorToken(SelectorTokenKind.NotIn, ""));
                    rest = rest["in".Length..];
                }
                else if (rest.StartsWith("in")) { tokens.Add(new SelectorToken(SelectorTokenKind.In, "")); rest = rest["in".Length..]; }
                else return (tokens, unexpected);
            }
            else if (rest.StartsWith("has("))
            {
                rest = rest["has(".Length..].TrimStart(" \t");
                var identifier = Identifier(rest);
                if (identifier.Length == 0) return (tokens, "no label name in has( expression");
                rest = rest[identifier.Length..].TrimStart(" \t");
                if (!rest.StartsWith(")")) return (tokens, "no closing ')' after has(");
                tokens.Add(new SelectorToken(SelectorTokenKind.Has, identifier));
                rest = rest[1..];
            }
            else if (rest.StartsWith("all("))
            {
                rest = rest["all(".Length..].TrimStart(" \t");
                if (!rest.StartsWith(")")) return (tokens, "no closing ')' after all(");
                tokens.Add(new SelectorToken(SelectorTokenKind.All, ""));
                rest = rest[1..];
            }
            else if (rest.StartsWith("global("))
            {
                rest = rest["global(".Length..].TrimStart(" \t");
                if (!rest.StartsWith(")")) return (tokens, "no closing ')' after global(");
                tokens.Add(new SelectorToken(SelectorTokenKind.Global, ""));
                rest = rest[1..];
            }
            else if (Identifier(rest) is { Length: > 0 } label)
            {
                tokens.Add(new SelectorToken(SelectorTokenKind.Label, label));
                rest = rest[label.Length..];
            }
            else
            {
                return (tokens, "unexpected characters");
            }
        }
    }

    // Calico's findIdentifier: the run of [a-zA-Z0-9_./-] up to the first other character (none at end of input).
    private static string Identifier(ReadOnlySpan<char> input)
    {
        for (var index = 0; index < input.Length; index++)
        {
            var character = input[index];
            if (char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '/' or '-') continue;
            return input[..index].ToString();
        }
        return "";
    }

    // As Go prints a token (Token.String) and a slice of them.
    private static string Describe(SelectorToken token) =>
        $"Tok{(token.Kind == SelectorTokenKind.Eof ? "EOF" : token.Kind.ToString())}({token.Value})";

    private static string Describe(IEnumerable<SelectorToken> tokens) => "[" + string.Join(" ", tokens.Select(Describe)) + "]";
}
