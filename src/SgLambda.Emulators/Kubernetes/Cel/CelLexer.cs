using System.Globalization;
using System.Text;

namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>Splits a CEL expression into tokens (cel-spec "Syntax": identifiers, numbers, strings, operators).</summary>
public static class CelLexer
{
    // Longest first, so "==" wins over "=" and "&&" is not read as "&".
    private static readonly string[] Symbols =
        ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"];

    public static IReadOnlyList<CelToken> Tokenize(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var tokens = new List<CelToken>();
        var position = 0;
        while (true)
        {
            while (position < expression.Length && char.IsWhiteSpace(expression[position])) position++;
            if (position >= expression.Length) break;
            if (expression.AsSpan(position).StartsWith("//"))
            {
                while (position < expression.Length && expression[position] != '\n') position++;
                continue;
            }

            var start = position;
            var current = expression[position];
            if ((current is 'r' or 'R') && position + 1 < expression.Length && expression[position + 1] is '\'' or '"')
            {
                tokens.Add(ReadString(expression, ref position, raw: true, start));
            }
            else if (char.IsAsciiLetter(current) || current == '_')
            {
                while (position < expression.Length && (char.IsAsciiLetterOrDigit(expression[position]) || expression[position] == '_')) position++;
                tokens.Add(new CelToken(CelTokenKind.Identifier, expression[start..position], null, start));
            }
            else if (char.IsAsciiDigit(current) || (current == '.' && position + 1 < expression.Length && char.IsAsciiDigit(expression[position + 1])))
            {
                tokens.Add(ReadNumber(expression, ref position));
            }
            else if (current is '\'' or '"')
            {
                tokens.Add(ReadString(expression, ref position, raw: false, start));
            }
            else
            {
                var symbol = Array.Find(Symbols, candidate => expression.AsSpan(position).StartsWith(candidate))
                    ?? throw new CelCompileException($"Syntax error: token recognition error at: '{current}' (position {position})");
                position += symbol.Length;
                tokens.Add(new CelToken(CelTokenKind.Symbol, symbol, null, start));
            }
        }
        tokens.Add(new CelToken(CelTokenKind.End, "", null, expression.Length));
        return tokens;
    }

    private static CelToken ReadNumber(string expression, ref int position)
    {
        var start = position;
        if (expression.AsSpan(position).StartsWith("0x") || expression.AsSpan(position).StartsWith("0X"))
        {
            position += 2;
            while (position < expression.Length && char.IsAsciiHexDigit(expression[position])) position++;
            var hex = long.Parse(expression.AsSpan(start + 2, position - start - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return Suffixed(expression, ref position, start, hex);
        }

        while (position < expression.Length && char.IsAsciiDigit(expression[position])) position++;
        var isDouble = false;
        if (position + 1 < expression.Length && expression[position] == '.' && char.IsAsciiDigit(expression[position + 1]))
        {
            isDouble = true;
            position++;
            while (position < expression.Length && char.IsAsciiDigit(expression[position])) position++;
        }
        if (position < expression.Length && expression[position] is 'e' or 'E')
        {
            isDouble = true;
            position++;
            if (position < expression.Length && expression[position] is '+' or '-') position++;
            while (position < expression.Length && char.IsAsciiDigit(expression[position])) position++;
        }

        var text = expression[start..position];
        if (isDouble) return new CelToken(CelTokenKind.Double, text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), start);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
            throw new CelCompileException($"Syntax error: invalid int literal '{text}'");
        return Suffixed(expression, ref position, start, integer);
    }

    private static CelToken Suffixed(string expression, ref int position, int start, long value)
    {
        if (position < expression.Length && expression[position] is 'u' or 'U')
        {
            position++;
            return new CelToken(CelTokenKind.UnsignedInteger, expression[start..position], (ulong)value, start);
        }
        return new CelToken(CelTokenKind.Integer, expression[start..position], value, start);
    }

    private static CelToken ReadString(string expression, ref int position, bool raw, int start)
    {
        if (raw) position++;
        var quote = expression[position];
        var triple = expression.AsSpan(position).StartsWith(new string(quote, 3));
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        position += delimiter.Length;
        var value = new StringBuilder();
        while (true)
        {
            if (position >= expression.Length || (!triple && expression[position] == '\n'))
                throw new CelCompileException($"Syntax error: unterminated string literal at position {start}");
            if (expression.AsSpan(position).StartsWith(delimiter))
            {
                position += delimiter.Length;
                break;
            }
            var character = expression[position++];
            if (character != '\\' || raw)
            {
                value.Append(character);
                continue;
            }
            value.Append(ReadEscape(expression, ref position));
        }
        return new CelToken(CelTokenKind.String, expression[start..position], value.ToString(), start);
    }

    private static string ReadEscape(string expression, ref int position)
    {
        if (position >= expression.Length) throw new CelCompileException("Syntax error: unterminated escape sequence");
        var escape = expression[position++];
        switch (escape)
        {
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\v";
            case '\\' or '\'' or '"' or '`' or '?': return escape.ToString();
            case 'x' or 'X': return Hex(expression, ref position, 2);
            case 'u': return Hex(expression, ref position, 4);
            case 'U': return Hex(expression, ref position, 8);
            default:
                if (escape is >= '0' and <= '3' && position + 1 < expression.Length)
                {
                    var octal = Convert.ToInt32(expression.Substring(position - 1, 3), 8);
                    position += 2;
                    return char.ConvertFromUtf32(octal);
                }
                throw new CelCompileException($"Syntax error: invalid escape sequence '\\{escape}'");
        }
    }

    private static string Hex(string expression, ref int position, int digits)
    {
        if (position + digits > expression.Length) throw new CelCompileException("Syntax error: truncated escape sequence");
        var code = int.Parse(expression.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        position += digits;
        return char.ConvertFromUtf32(code);
    }
}
