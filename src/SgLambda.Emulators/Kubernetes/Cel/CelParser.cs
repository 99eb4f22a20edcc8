namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>
/// Parses the CEL subset that CRD validation rules use (cel-spec grammar: conditional, logical, relational,
/// additive and multiplicative operators, unary <c>!</c> and <c>-</c>, field selection, indexing, list
/// literals, calls), and rejects at parse time any function, macro or variable the evaluator does not
/// implement, so an unsupported rule fails loudly instead of being skipped.
/// </summary>
public sealed class CelParser
{
    /// <summary>Global functions the evaluator implements.</summary>
    public static readonly IReadOnlySet<string> GlobalFunctions = new HashSet<string>(StringComparer.Ordinal) { "size" };

    /// <summary>Receiver-style functions the evaluator implements.</summary>
    public static readonly IReadOnlySet<string> MemberFunctions =
        new HashSet<string>(StringComparer.Ordinal) { "size", "contains", "startsWith", "endsWith", "matches", "substring" };

    private static readonly HashSet<string> Macros =
        new(StringComparer.Ordinal) { CelComprehension.All, CelComprehension.Exists, CelComprehension.ExistsOne };

    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    };

    private readonly IReadOnlyList<CelToken> _tokens;
    private readonly string _expression;
    private readonly List<string> _variables;
    private int _next;

    private CelParser(string expression, IEnumerable<string> variables)
    {
        _expression = expression;
        _tokens = CelLexer.Tokenize(expression);
        _variables = [.. variables];
    }

    /// <summary>Parses <paramref name="expression"/>; <paramref name="variables"/> are the declared variables (<c>self</c>).</summary>
    public static CelExpression Parse(string expression, params string[] variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new CelParser(expression, variables);
        var result = parser.ParseExpression();
        if (parser.Peek.Kind != CelTokenKind.End) throw parser.Error($"unexpected '{parser.Peek.Text}'");
        return result;
    }

    private CelToken Peek => _tokens[_next];

    private CelToken Advance() => _tokens[_next++];

    private bool Accept(string symbol)
    {
        if (!Peek.IsSymbol(symbol)) return false;
        _next++;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol)) throw Error($"expected '{symbol}' but found '{(Peek.Kind == CelTokenKind.End ? "<EOF>" : Peek.Text)}'");
    }

    private CelCompileException Error(string problem) =>
        new($"Syntax error: {problem} at position {Peek.Position} in rule {_expression}");

    private CelExpression ParseExpression()
    {
        var condition = ParseOr();
        if (!Accept("?")) return condition;
        var whenTrue = ParseOr();
        Expect(":");
        var whenFalse = ParseExpression();
        return new CelCall(null, "_?_:_", [condition, whenTrue, whenFalse]);
    }

    private CelExpression ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||")) left = new CelCall(null, "_||_", [left, ParseAnd()]);
        return left;
    }

    private CelExpression ParseAnd()
    {
        var left = ParseRelation();
        while (Accept("&&")) left = new CelCall(null, "_&&_", [left, ParseRelation()]);
        return left;
    }

    private CelExpression ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            string? function = Peek switch
            {
                { Kind: CelTokenKind.Identifier, Text: "in" } => "@in",
                { Kind: CelTokenKind.Symbol, Text: "==" } => "_==_",
                { Kind: CelTokenKind.Symbol, Text: "!=" } => "_!=_",
                { Kind: CelTokenKind.Symbol, Text: "<" } => "_<_",
                { Kind: CelTokenKind.Symbol, Text: "<=" } => "_<=_",
                { Kind: CelTokenKind.Symbol, Text: ">" } => "_>_",
                { Kind: CelTokenKind.Symbol, Text: ">=" } => "_>=_",
                _ => null,
            };
            if (function is null) return left;
            _next++;
            left = new CelCall(null, function, [left, ParseAddition()]);
        }
    }

    private CelExpression ParseAddition()
    {
        var left = ParseMultiplication();
        while (true)
        {
            if (Accept("+")) left = new CelCall(null, "_+_", [left, ParseMultiplication()]);
            else if (Accept("-")) left = new CelCall(null, "_-_", [left, ParseMultiplication()]);
            else return left;
        }
    }

    private CelExpression ParseMultiplication()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Accept("*")) left = new CelCall(null, "_*_", [left, ParseUnary()]);
            else if (Accept("/")) left = new CelCall(null, "_/_", [left, ParseUnary()]);
            else if (Accept("%")) left = new CelCall(null, "_%_", [left, ParseUnary()]);
            else return left;
        }
    }

    private CelExpression ParseUnary()
    {
        if (Accept("!")) return new CelCall(null, "!_", [ParseUnary()]);
        if (Peek.IsSymbol("-"))
        {
            _next++;
            // A negative literal is a constant, as in CEL (so -9223372036854775808 is representable).
            if (Peek.Kind is CelTokenKind.Integer or CelTokenKind.Double && !_tokens[_next + 1].IsSymbol("."))
            {
                var literal = Advance();
                return ParseMemberSuffix(new CelLiteral(literal.Value is long number ? -number : -(double)literal.Value!));
            }
            return new CelCall(null, "-_", [ParseUnary()]);
        }
        return ParseMember();
    }

    private CelExpression ParseMember() => ParseMemberSuffix(ParsePrimary());

    private CelExpression ParseMemberSuffix(CelExpression operand)
    {
        while (true)
        {
            if (Accept("."))
            {
                var name = Advance();
                if (name.Kind != CelTokenKind.Identifier) throw Error("expected a field or method name");
                if (!Peek.IsSymbol("("))
                {
                    operand = new CelSelect(operand, name.Text, TestOnly: false);
                    continue;
                }
                _next++;
                if (Macros.Contains(name.Text)) operand = ParseComprehension(operand, name.Text);
                else if (MemberFunctions.Contains(name.Text)) operand = new CelCall(operand, name.Text, ParseArguments());
                else throw new CelCompileException($"found no matching overload for '{name.Text}' in rule {_expression}");
            }
            else if (Accept("["))
            {
                var index = ParseExpression();
                Expect("]");
                operand = new CelCall(null, "_[_]", [operand, index]);
            }
            else
            {
                return operand;
            }
        }
    }

    private CelComprehension ParseComprehension(CelExpression range, string macro)
    {
        var variable = Advance();
        if (variable.Kind != CelTokenKind.Identifier) throw Error($"argument must be a simple name in {macro}()");
        Expect(",");
        _variables.Add(variable.Text);
        var predicate = ParseExpression();
        _variables.RemoveAt(_variables.Count - 1);
        Expect(")");
        return new CelComprehension(range, variable.Text, predicate, macro);
    }

    private List<CelExpression> ParseArguments()
    {
        var arguments = new List<CelExpression>();
        if (Accept(")")) return arguments;
        do arguments.Add(ParseExpression());
        while (Accept(","));
        Expect(")");
        return arguments;
    }

    private CelExpression ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case CelTokenKind.Integer or CelTokenKind.UnsignedInteger or CelTokenKind.Double or CelTokenKind.String:
                return new CelLiteral(token.Value!);
            case CelTokenKind.Identifier:
                return ParseIdentifier(token);
            case CelTokenKind.Symbol when token.Text == "(":
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case CelTokenKind.Symbol when token.Text == "[":
                var elements = new List<CelExpression>();
                if (!Accept("]"))
                {
                    do
                    {
                        if (Peek.IsSymbol("]")) break;
                        elements.Add(ParseExpression());
                    }
                    while (Accept(","));
                    Expect("]");
                }
                return new CelCreateList(elements);
            default:
                _next--;
                throw token.Kind == CelTokenKind.End ? Error("unexpected end of rule") : Error($"unexpected '{token.Text}'");
        }
    }

    private CelExpression ParseIdentifier(CelToken token)
    {
        switch (token.Text)
        {
            case "true": return new CelLiteral(true);
            case "false": return new CelLiteral(false);
            case "null": return new CelLiteral(CelNull.Value);
        }
        if (ReservedWords.Contains(token.Text) || token.Text == "in") throw Error($"reserved identifier '{token.Text}'");

        if (!Peek.IsSymbol("("))
        {
            if (!_variables.Contains(token.Text)) throw new CelCompileException($"undeclared reference to '{token.Text}' in rule {_expression}");
            return new CelIdentifier(token.Text);
        }

        _next++;
        if (token.Text == "has")
        {
            var argument = ParseExpression();
            Expect(")");
            if (argument is not CelSelect select) throw new CelCompileException($"invalid argument to has() macro in rule {_expression}");
            return select with { TestOnly = true };
        }
        if (!GlobalFunctions.Contains(token.Text)) throw new CelCompileException($"undeclared reference to '{token.Text}' in rule {_expression}");
        return new CelCall(null, token.Text, ParseArguments());
    }
}
