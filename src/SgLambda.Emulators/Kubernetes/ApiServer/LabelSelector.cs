using System.Globalization;
using System.Text;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A Kubernetes label selector in its string form (k8s.io/apimachinery/pkg/labels.Parse): comma-separated
/// requirements, all of which must hold: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, <c>k&gt;1</c>, <c>k&lt;1</c>. The empty selector matches everything.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelSelectorRequirement> requirements) => Requirements = requirements;

    public IReadOnlyList<LabelSelectorRequirement> Requirements { get; }

    /// <summary>Matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(requirement => requirement.Matches(labels));

    /// <summary>Parses a selector; throws <see cref="FormatException"/> with the API server's wording when it is invalid.</summary>
    public static LabelSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector)) return Everything;
        var tokens = Tokenize(selector);
        var position = 0;
        var requirements = new List<LabelSelectorRequirement>();
        while (true)
        {
            requirements.Add(ParseRequirement(tokens, ref position));
            var next = tokens[position];
            if (next.Kind == TokenKind.End) break;
            if (next.Kind != TokenKind.Comma)
                throw new FormatException($"found '{next.Text}', expected: ',' or 'end of string'");
            position++;
            if (tokens[position].Kind == TokenKind.End)
                throw new FormatException("found 'end of string', expected: identifier or '!'");
        }
        foreach (var requirement in requirements) Validate(requirement);
        return new LabelSelector(requirements.AsReadOnly());
    }

    private static LabelSelectorRequirement ParseRequirement(List<Token> tokens, ref int position)
    {
        var first = tokens[position++];
        if (first.Kind == TokenKind.DoesNotExist)
        {
            var key = tokens[position++];
            if (key.Kind != TokenKind.Identifier) throw new FormatException($"found '{key.Text}', expected: identifier");
            return new LabelSelectorRequirement(key.Text, LabelSelectorOperator.DoesNotExist, []);
        }
        if (first.Kind != TokenKind.Identifier) throw new FormatException($"found '{first.Text}', expected: !, identifier, or 'end of string'");

        var operation = tokens[position];
        if (operation.Kind is TokenKind.End or TokenKind.Comma)
            return new LabelSelectorRequirement(first.Text, LabelSelectorOperator.Exists, []);
        position++;
        switch (operation.Kind)
        {
            case TokenKind.In or TokenKind.NotIn:
                return new LabelSelectorRequirement(first.Text,
                    operation.Kind == TokenKind.In ? LabelSelectorOperator.In : LabelSelectorOperator.NotIn,
                    ParseValueSet(tokens, ref position));
            case TokenKind.Equals or TokenKind.DoubleEquals or TokenKind.NotEquals or TokenKind.GreaterThan or TokenKind.LessThan:
                var value = tokens[position];
                string exact;
                if (value.Kind is TokenKind.End or TokenKind.Comma) exact = "";
                else if (value.Kind is TokenKind.Identifier or TokenKind.In or TokenKind.NotIn)
                {
                    exact = value.Text;
                    position++;
                }
                else throw new FormatException($"found '{value.Text}', expected: identifier");
                var op = operation.Kind switch
                {
                    TokenKind.NotEquals => LabelSelectorOperator.NotEquals,
                    TokenKind.GreaterThan => LabelSelectorOperator.GreaterThan,
                    TokenKind.LessThan => LabelSelectorOperator.LessThan,
                    _ => LabelSelectorOperator.Equals,
                };
                return new LabelSelectorRequirement(first.Text, op, [exact]);
            default:
                throw new FormatException($"found '{operation.Text}', expected: in, notin, =, ==, !=, gt, lt");
        }
    }

    private static List<string> ParseValueSet(List<Token> tokens, ref int position)
    {
        var open = tokens[position++];
        if (open.Kind != TokenKind.OpenParenthesis) throw new FormatException($"found '{open.Text}', expected: '('");
        var values = new List<string>();
        if (tokens[position].Kind == TokenKind.CloseParenthesis)
        {
            position++;
            return values;
        }
        while (true)
        {
            var token = tokens[position];
            if (token.Kind is TokenKind.Identifier or TokenKind.In or TokenKind.NotIn)
            {
                values.Add(token.Text);
                position++;
                token = tokens[position];
            }
            else if (token.Kind is TokenKind.Comma or TokenKind.CloseParenthesis)
            {
                // "k in (a,)" and "k in (,a)" carry an empty value, as in Kubernetes.
                values.Add("");
            }
            else throw new FormatException($"found '{token.Text}', expected: ',', ')' or identifier");

            position++;
            if (token.Kind == TokenKind.CloseParenthesis) return values;
            if (token.Kind != TokenKind.Comma) throw new FormatException($"found '{token.Text}', expected: ',' or ')'");
        }
    }

    private static void Validate(LabelSelectorRequirement requirement)
    {
        if (KubernetesNames.IsQualifiedName(requirement.Key) is [var keyError, ..])
            throw new FormatException($"unable to parse requirement: key: Invalid value: {KubernetesStatus.GoQuote(requirement.Key)}: {keyError}");
        switch (requirement.Operator)
        {
            case LabelSelectorOperator.In or LabelSelectorOperator.NotIn when requirement.Values.Count == 0:
                throw new FormatException("unable to parse requirement: values: Invalid value: \"\": for 'in', 'notin' operators, values set can't be empty");
            case LabelSelectorOperator.GreaterThan or LabelSelectorOperator.LessThan:
                if (!long.TryParse(requirement.Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    throw new FormatException($"unable to parse requirement: values[0]: Invalid value: {KubernetesStatus.GoQuote(requirement.Values[0])}: for 'Gt', 'Lt' operators, the value must be an integer");
                return;
        }
        for (var index = 0; index < requirement.Values.Count; index++)
        {
            if (KubernetesNames.IsValidLabelValue(requirement.Values[index]) is [var valueError, ..])
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"unable to parse requirement: values[{index}][{requirement.Key}]: Invalid value: {KubernetesStatus.GoQuote(requirement.Values[index])}: {valueError}"));
        }
    }

    private static List<Token> Tokenize(string selector)
    {
        var tokens = new List<Token>();
        var index = 0;
        while (index < selector.Length)
        {
            var character = selector[index];
            if (char.IsWhiteSpace(character))
            {
                index++;
                continue;
            }
            var twoCharacters = index + 1 < selector.Length ? selector.Substring(index, 2) : "";
            switch (twoCharacters)
            {
                case "!=": tokens.Add(new Token(TokenKind.NotEquals, "!=")); index += 2; continue;
                case "==": tokens.Add(new Token(TokenKind.DoubleEquals, "==")); index += 2; continue;
            }
            switch (character)
            {
                case '!': tokens.Add(new Token(TokenKind.DoesNotExist, "!")); index++; continue;
                case '=': tokens.Add(new Token(TokenKind.Equals, "=")); index++; continue;
                case '>': tokens.Add(new Token(TokenKind.GreaterThan, ">")); index++; continue;
                case '<': tokens.Add(new Token(TokenKind.LessThan, "<")); index++; continue;
                case '(': tokens.Add(new Token(TokenKind.OpenParenthesis, "(")); index++; continue;
                case ')': tokens.Add(new Token(TokenKind.CloseParenthesis, ")")); index++; continue;
                case ',': tokens.Add(new Token(TokenKind.Comma, ",")); index++; continue;
            }
            var identifier = new StringBuilder();
            while (index < selector.Length && !char.IsWhiteSpace(selector[index]) && !IsSpecial(selector[index]))
            {
                identifier.Append(selector[index++]);
            }
            var text = identifier.ToString();
            tokens.Add(new Token(text switch { "in" => TokenKind.In, "notin" => TokenKind.NotIn, _ => TokenKind.Identifier }, text));
        }
        tokens.Add(new Token(TokenKind.End, "end of string"));
        return tokens;
    }

    private static bool IsSpecial(char character) => character is '!' or '=' or '>' or '<' or '(' or ')' or ',';

    public override string ToString() => string.Join(",", Requirements.Select(Format));

    private static string Format(LabelSelectorRequirement requirement) => requirement.Operator switch
    {
        LabelSelectorOperator.Exists => requirement.Key,
        LabelSelectorOperator.DoesNotExist => "!" + requirement.Key,
        LabelSelectorOperator.Equals => $"{requirement.Key}={requirement.Values[0]}",
        LabelSelectorOperator.NotEquals => $"{requirement.Key}!={requirement.Values[0]}",
        LabelSelectorOperator.GreaterThan => $"{requirement.Key}>{requirement.Values[0]}",
        LabelSelectorOperator.LessThan => $"{requirement.Key}<{requirement.Values[0]}",
        LabelSelectorOperator.In => $"{requirement.Key} in ({string.Join(",", requirement.Values)})",
        _ => $"{requirement.Key} notin ({string.Join(",", requirement.Values)})",
    };

    private enum TokenKind
    {
        Identifier,
        In,
        NotIn,
        DoesNotExist,
        Equals,
        DoubleEquals,
        NotEquals,
        GreaterThan,
        LessThan,
        OpenParenthesis,
        CloseParenthesis,
        Comma,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text);
}
