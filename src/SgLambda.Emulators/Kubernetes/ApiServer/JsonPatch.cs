using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// JSON Patch (RFC 6902) with JSON Pointers (RFC 6901), as <c>application/json-patch+json</c> applies it:
/// <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c>, <c>test</c>, all or nothing.
/// </summary>
public static class JsonPatch
{
    /// <summary>
    /// The document with every operation applied in order; the input is not modified. Throws
    /// <see cref="FormatException"/> for a malformed patch and <see cref="JsonPatchException"/> for an operation
    /// that does not apply.
    /// </summary>
    public static JsonNode? Apply(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonArray operations) throw new FormatException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        var result = document?.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op) throw new FormatException("json: cannot unmarshal into Go value of type jsonpatch.Operation");
            var kind = Text(op, "op") ?? throw new FormatException("Unexpected kind: unknown");
            var path = Text(op, "path") ?? throw new JsonPatchException($"{kind} operation missing path");
            switch (kind)
            {
                case "add":
                    result = Add(result, path, Value(op, kind));
                    break;
                case "remove":
                    result = Remove(result, path, out _);
                    break;
                case "replace":
                    Get(result, path, kind);
                    result = Remove(result, path, out _);
                    result = Add(result, path, Value(op, kind));
                    break;
                case "move":
                {
                    var from = Text(op, "from") ?? throw new JsonPatchException("move operation missing from");
                    result = Remove(result, from, out var moved);
                    result = Add(result, path, moved);
                    break;
                }
                case "copy":
                {
                    var from = Text(op, "from") ?? throw new JsonPatchException("copy operation missing from");
                    result = Add(result, path, Get(result, from, kind)?.DeepClone());
                    break;
                }
                case "test":
                    if (!JsonNode.DeepEquals(Get(result, path, kind), op["value"]))
                        throw new JsonPatchException($"testing value {path} failed: test failed");
                    break;
                default:
                    throw new FormatException($"Unexpected kind: {kind}");
            }
        }
        return result;
    }

    private static string? Text(JsonObject op, string name) =>
        op[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonNode? Value(JsonObject op, string kind) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw new JsonPatchException($"{kind} operation missing value");

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (pointer[0] != '/') throw new JsonPatchException($"invalid JSON pointer: {KubernetesStatus.GoQuote(pointer)}");
        return pointer[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Get(JsonNode? document, string pointer, string kind)
    {
        var node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject map when map.TryGetPropertyValue(token, out var child) => child,
                JsonArray list when Index(token, list.Count, allowEnd: false) is { } index => list[index],
                _ => throw new JsonPatchException($"{kind} operation does not apply: doc is missing path: {KubernetesStatus.GoQuote(pointer)}: missing value"),
            };
        }
        return node;
    }

    private static JsonNode? Add(JsonNode? document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0) return value;
        var parent = Get(document, Parent(tokens), "add");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject map:
                map[last] = value;
                break;
            case JsonArray list:
                var index = last == "-" ? list.Count : Index(last, list.Count, allowEnd: true)
                    ?? throw new JsonPatchException($"add operation does not apply: doc is missing path: {KubernetesStatus.GoQuote(pointer)}: missing value");
                list.Insert(index, value);
                break;
            default:
                throw new JsonPatchException($"add operation does not apply: doc is missing path: {KubernetesStatus.GoQuote(pointer)}: missing value");
        }
        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string pointer, out JsonNode? removed)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0) throw new JsonPatchException("remove operation does not apply: cannot remove the whole document");
        var parent = Get(document, Parent(tokens), "remove");
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject map when map.TryGetPropertyValue(last, out var child):
                map.Remove(last);
                removed = child;
                return document;
            case JsonArray list when Index(last, list.Count, allowEnd: false) is { } index:
                removed = list[index];
                list.RemoveAt(index);
                return document;
            default:
                throw new JsonPatchException($"remove operation does not apply: doc is missing path: {KubernetesStatus.GoQuote(pointer)}: missing value");
        }
    }

    private static int? Index(string token, int count, bool allowEnd)
    {
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0')) return null;
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return null;
        return index < count || (allowEnd && index == count) ? index : null;
    }

    private static string Parent(List<string> tokens) =>
        tokens.Count == 1 ? "" : "/" + string.Join("/", tokens[..^1].Select(Escape));

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
