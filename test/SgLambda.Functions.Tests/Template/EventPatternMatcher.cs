using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Functions.Tests.Template;

/// <summary>
/// EventBridge event-pattern matching, the subset the template may use (anything else throws, so a
/// pattern this cannot judge fails the tests instead of passing them):
/// <list type="bullet">
/// <item>a pattern is a mapping; every key must match (AND); a mapping value matches the event's nested object;</item>
/// <item>a leaf is a list of matchers (OR); an event array matches when any element matches;</item>
/// <item>matchers: an exact value (compared as text: the template's scalars are untyped), <c>{prefix: s}</c>,
/// <c>{exists: true|false}</c>, <c>{anything-but: v | [v...] | {prefix: s}}</c>;</item>
/// <item>a missing field (or a nested pattern over a missing object) matches only <c>{exists: false}</c>;
/// <c>anything-but</c> does not match a missing field. JSON null matches no exact value.</item>
/// </list>
/// </summary>
internal static class EventPatternMatcher
{
    public static bool Matches(Dictionary<string, object?> pattern, string eventJson) =>
        Matches(pattern, JsonNode.Parse(eventJson) as JsonObject ?? throw new JsonException("the event is not a JSON object"));

    public static bool Matches(Dictionary<string, object?> pattern, JsonObject? node)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        foreach (var (key, expected) in pattern)
        {
            var present = node is not null && node.TryGetPropertyValue(key, out _);
            var field = present ? node![key] : null;
            var matched = expected switch
            {
                Dictionary<string, object?> nested => Matches(nested, field as JsonObject),
                List<object?> matchers => present ? matchers.Any(m => MatchesPresent(m, field)) : matchers.Any(IsExistsFalse),
                _ => throw new NotSupportedException($"pattern field {key}: a leaf must be a list of matchers, got {expected ?? "null"}"),
            };
            if (!matched) return false;
        }
        return true;
    }

    private static bool MatchesPresent(object? matcher, JsonNode? field)
    {
        if (matcher is Dictionary<string, object?> { Count: 1 } map)
        {
            var (kind, argument) = map.Single();
            return kind switch
            {
                "exists" => Boolean(argument),
                "prefix" => Values(field).Any(v => v is not null && v.StartsWith(Text(argument), StringComparison.Ordinal)),
                "anything-but" => Values(field).Any(v => v is not null && !Excluded(argument, v)),
                _ => throw new NotSupportedException($"unsupported matcher {kind}"),
            };
        }
        if (matcher is string exact) return Values(field).Any(v => string.Equals(v, exact, StringComparison.Ordinal));
        throw new NotSupportedException($"unsupported matcher {matcher ?? "null"}");
    }

    private static bool Excluded(object? argument, string value) => argument switch
    {
        string single => string.Equals(value, single, StringComparison.Ordinal),
        List<object?> many => many.Any(m => string.Equals(value, Text(m), StringComparison.Ordinal)),
        Dictionary<string, object?> { Count: 1 } prefix when prefix.TryGetValue("prefix", out var p) => value.StartsWith(Text(p), StringComparison.Ordinal),
        _ => throw new NotSupportedException($"unsupported anything-but {argument ?? "null"}"),
    };

    private static bool IsExistsFalse(object? matcher) =>
        matcher is Dictionary<string, object?> { Count: 1 } map && map.TryGetValue("exists", out var argument) && !Boolean(argument);

    /// <summary>The field's scalar values as text (an array's elements; null for JSON null and objects).</summary>
    private static IEnumerable<string?> Values(JsonNode? field) =>
        field is JsonArray array ? array.Select(Scalar) : [Scalar(field)];

    private static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };

    private static string Text(object? argument) => argument as string ?? throw new NotSupportedException($"expected a value, got {argument ?? "null"}");

    private static bool Boolean(object? argument) => bool.Parse(Text(argument));
}
