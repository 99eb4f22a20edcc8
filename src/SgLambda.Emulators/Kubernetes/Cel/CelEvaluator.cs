using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>
/// Evaluates parsed CEL against JSON data, with CEL's semantics where they matter for validation rules:
/// absent fields are <c>no such key</c> errors (only <c>has()</c> tests presence), <c>&amp;&amp;</c>/<c>||</c>
/// absorb an error when the other side decides, equality across types is false (numbers compare by value,
/// so an int-or-string <c>protocol</c> can be compared with <c>'TCP'</c> and with <c>6</c>).
/// Values: bool, long, ulong, double, string, <see cref="IReadOnlyList{T}"/> of values, <see cref="JsonObject"/>
/// (maps and objects), <see cref="CelNull"/>.
/// </summary>
public static class CelEvaluator
{
    /// <summary>Evaluates <paramref name="expression"/> with <c>self</c> bound to <paramref name="self"/>.</summary>
    public static object Evaluate(CelExpression expression, JsonNode? self)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var scope = new Dictionary<string, object>(StringComparer.Ordinal) { ["self"] = FromJson(self) };
        return Evaluate(expression, scope);
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> with the given top-level variables (an admission policy's
    /// <c>object</c>, <c>oldObject</c>, <c>request</c>, <c>namespaceObject</c>, <c>variables</c>), each a CEL value.
    /// </summary>
    public static object Evaluate(CelExpression expression, IReadOnlyDictionary<string, object> variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        return Evaluate(expression, new Dictionary<string, object>(variables, StringComparer.Ordinal));
    }

    /// <summary>A JSON value as a CEL value (integral numbers become int, others double).</summary>
    public static object FromJson(JsonNode? node) => node switch
    {
        null => CelNull.Value,
        JsonObject map => map,
        JsonArray list => list.Select(FromJson).ToList(),
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when JsonNumbers.TryGetInt64(scalar, out var integer) => integer,
            JsonValueKind.Number when JsonNumbers.TryGetDouble(scalar, out var number) => number,
            _ => CelNull.Value,
        },
        _ => CelNull.Value,
    };

    private static object Evaluate(CelExpression expression, Dictionary<string, object> scope) => expression switch
    {
        CelLiteral literal => literal.Value,
        CelIdentifier identifier => scope.TryGetValue(identifier.Name, out var value)
            ? value
            : throw new CelEvaluationException($"no such attribute: {identifier.Name}"),
        CelSelect select => Select(select, scope),
        CelCreateList list => list.Elements.Select(element => Evaluate(element, scope)).ToList(),
        CelComprehension comprehension => Comprehend(comprehension, scope),
        CelCall call => Call(call, scope),
        _ => throw new CelEvaluationException($"unsupported expression {expression.GetType().Name}"),
    };

    private static object Select(CelSelect select, Dictionary<string, object> scope)
    {
        var operand = Evaluate(select.Operand, scope);
        if (operand is not JsonObject map)
            throw new CelEvaluationException($"type '{TypeName(operand)}' does not support field selection");
        if (select.TestOnly) return map.ContainsKey(select.Field);
        return map.TryGetPropertyValue(select.Field, out var value)
            ? FromJson(value)
            : throw new CelEvaluationException($"no such key: {select.Field}");
    }

    private static bool Comprehend(CelComprehension comprehension, Dictionary<string, object> scope)
    {
        var range = Evaluate(comprehension.Range, scope) switch
        {
            IReadOnlyList<object> list => list,
            JsonObject map => map.Select(entry => (object)entry.Key).ToList(),
            var other => throw NoOverload(comprehension.Macro, other),
        };

        var shadowed = scope.TryGetValue(comprehension.Variable, out var previous);
        try
        {
            CelEvaluationException? firstError = null;
            var matches = 0;
            foreach (var element in range)
            {
                scope[comprehension.Variable] = element;
                bool result;
                try
                {
                    result = AsBool(Evaluate(comprehension.Predicate, scope), comprehension.Macro);
                }
                catch (CelEvaluationException error) when (comprehension.Macro != CelComprehension.ExistsOne)
                {
                    firstError ??= error;
                    continue;
                }
                if (comprehension.Macro == CelComprehension.Exists && result) return true;
                if (comprehension.Macro == CelComprehension.All && !result) return false;
                if (result) matches++;
            }
            if (firstError is not null) throw firstError;
            return comprehension.Macro switch
            {
                CelComprehension.Exists => false,
                CelComprehension.All => true,
                _ => matches == 1,
            };
        }
        finally
        {
            if (shadowed) scope[comprehension.Variable] = previous!;
            else scope.Remove(comprehension.Variable);
        }
    }

    private static object Call(CelCall call, Dictionary<string, object> scope)
    {
        switch (call.Function)
        {
            case "_&&_": return Logical(call, scope, decisive: false);
            case "_||_": return Logical(call, scope, decisive: true);
            case "_?_:_":
                return AsBool(Evaluate(call.Arguments[0], scope), "_?_:_")
                    ? Evaluate(call.Arguments[1], scope)
                    : Evaluate(call.Arguments[2], scope);
        }

        var target = call.Target is null ? null : Evaluate(call.Target, scope);
        var arguments = call.Arguments.Select(argument => Evaluate(argument, scope)).ToList();
        if (target is not null) arguments.Insert(0, target);
        return call.Function switch
        {
            "!_" => !AsBool(arguments[0], "!_"),
            "-_" => arguments[0] switch
            {
                long number => checked(-number),
                double number => -number,
                var other => throw NoOverload("-_", other),
            },
            "_==_" => CelEquals(arguments[0], arguments[1]),
            "_!=_" => !CelEquals(arguments[0], arguments[1]),
            "_<_" => Compare(arguments[0], arguments[1], call.Function) < 0,
            "_<=_" => Compare(arguments[0], arguments[1], call.Function) <= 0,
            "_>_" => Compare(arguments[0], arguments[1], call.Function) > 0,
            "_>=_" => Compare(arguments[0], arguments[1], call.Function) >= 0,
            "_+_" or "_-_" or "_*_" or "_/_" or "_%_" => Arithmetic(call.Function, arguments[0], arguments[1]),
            "@in" => arguments[1] switch
            {
                IReadOnlyList<object> list => list.Any(element => CelEquals(arguments[0], element)),
                JsonObject map => arguments[0] is string key && map.ContainsKey(key),
                var other => throw NoOverload("@in", other),
            },
            "_[_]" => Index(arguments[0], arguments[1]),
            "size" when arguments.Count == 1 => Size(arguments[0]),
            "contains" when arguments is [string text, string part] => text.Contains(part, StringComparison.Ordinal),
            "startsWith" when arguments is [string text, string prefix] => text.StartsWith(prefix, StringComparison.Ordinal),
            "endsWith" when arguments is [string text, string suffix] => text.EndsWith(suffix, StringComparison.Ordinal),
            // CEL's matches is RE2, unanchored; .NET regex agrees on the RE2 subset (no backreferences or lookaround).
            "matches" when arguments is [string text, string pattern] => Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            // The Kubernetes strings library: substring(start) in code points; out of range is an error.
            "substring" when arguments is [string text, long start] => start >= 0 && start <= text.Length
                ? text[(int)start..]
                : throw new CelEvaluationException($"index out of range: {start}"),
            _ => throw NoOverload(call.Function, arguments.ToArray()),
        };
    }

    /// <summary>CEL's commutative <c>&amp;&amp;</c>/<c>||</c>: a deciding operand wins over an error on the other side.</summary>
    private static bool Logical(CelCall call, Dictionary<string, object> scope, bool decisive)
    {
        CelEvaluationException? error = null;
        foreach (var operand in call.Arguments)
        {
            try
            {
                if (AsBool(Evaluate(operand, scope), call.Function) == decisive) return decisive;
            }
            catch (CelEvaluationException failure)
            {
                error ??= failure;
            }
        }
        if (error is not null) throw error;
        return !decisive;
    }

    private static bool AsBool(object value, string function) =>
        value as bool? ?? throw NoOverload(function, value);

    private static long Size(object value) => value switch
    {
        string text => text.EnumerateRunes().Count(),
        IReadOnlyList<object> list => list.Count,
        JsonObject map => map.Count,
        _ => throw NoOverload("size", value),
    };

    private static object Index(object operand, object index) => operand switch
    {
        IReadOnlyList<object> list when index is long position =>
            position >= 0 && position < list.Count ? list[(int)position] : throw new CelEvaluationException($"index out of bounds: {position}"),
        JsonObject map when index is string key =>
            map.TryGetPropertyValue(key, out var value) ? FromJson(value) : throw new CelEvaluationException($"no such key: {key}"),
        _ => throw NoOverload("_[_]", operand, index),
    };

    private static object Arithmetic(string function, object left, object right)
    {
        try
        {
            return (function, left, right) switch
            {
                ("_+_", long a, long b) => checked(a + b),
                ("_-_", long a, long b) => checked(a - b),
                ("_*_", long a, long b) => checked(a * b),
                ("_/_", long _, 0L) or ("_%_", long _, 0L) => throw new CelEvaluationException("division by zero"),
                ("_/_", long a, long b) => checked(a / b),
                ("_%_", long a, long b) => a % b,
                ("_+_", double a, double b) => a + b,
                ("_-_", double a, double b) => a - b,
                ("_*_", double a, double b) => a * b,
                ("_/_", double a, double b) => a / b,
                ("_+_", string a, string b) => a + b,
                ("_+_", IReadOnlyList<object> a, IReadOnlyList<object> b) => a.Concat(b).ToList(),
                _ => throw NoOverload(function, left, right),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvaluationException("integer overflow");
        }
    }

    /// <summary>CEL heterogeneous equality: values of different types are unequal, except numbers, which compare by value.</summary>
    public static bool CelEquals(object left, object right)
    {
        if (IsNumber(left) && IsNumber(right)) return CompareNumbers(left, right) == 0;
        return (left, right) switch
        {
            (CelNull, CelNull) => true,
            (bool a, bool b) => a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (IReadOnlyList<object> a, IReadOnlyList<object> b) => a.Count == b.Count && a.Zip(b).All(pair => CelEquals(pair.First, pair.Second)),
            (JsonObject a, JsonObject b) => a.Count == b.Count && a.All(entry =>
                b.TryGetPropertyValue(entry.Key, out var other) && CelEquals(FromJson(entry.Value), FromJson(other))),
            _ => false,
        };
    }

    private static int Compare(object left, object right, string function)
    {
        if (IsNumber(left) && IsNumber(right)) return CompareNumbers(left, right);
        return (left, right) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            _ => throw NoOverload(function, left, right),
        };
    }

    private static bool IsNumber(object value) => value is long or ulong or double;

    private static int CompareNumbers(object left, object right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (ulong a, ulong b) => a.CompareTo(b),
        (long a, ulong b) => a < 0 ? -1 : ((ulong)a).CompareTo(b),
        (ulong a, long b) => b < 0 ? 1 : a.CompareTo((ulong)b),
        _ => ToDouble(left).CompareTo(ToDouble(right)),
    };

    private static double ToDouble(object number) => number switch
    {
        long value => value,
        ulong value => value,
        double value => value,
        _ => double.NaN,
    };

    private static CelEvaluationException NoOverload(string function, params object[] arguments) =>
        new($"no such overload: {function}({string.Join(", ", arguments.Select(TypeName))})");

    private static string TypeName(object value) => value switch
    {
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        IReadOnlyList<object> => "list",
        JsonObject => "map",
        CelNull => "null_type",
        _ => value.GetType().Name,
    };
}
