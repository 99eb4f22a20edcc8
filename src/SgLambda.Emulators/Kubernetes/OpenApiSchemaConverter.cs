using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Turns a CRD's <c>openAPIV3Schema</c> (OpenAPI 3.0 with Kubernetes extensions) into a JSON Schema
/// (draft 2020-12) that validates what the API server validates:
/// <list type="bullet">
/// <item><c>x-kubernetes-int-or-string</c> becomes <c>type: [integer, string]</c>;
/// <c>nullable: true</c> adds <c>null</c> to the type.</item>
/// <item>Objects that do not preserve unknown fields get <c>additionalProperties: false</c> (strict field
/// validation); inside <c>anyOf</c>/<c>allOf</c>/<c>oneOf</c>/<c>not</c>, which only restrict values, they do not.</item>
/// <item>OpenAPI 3.0's boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the numeric form.</item>
/// <item>Formats the API server ignores (<c>int64</c>, <c>int32</c>, ...) are dropped.</item>
/// <item>The root's <c>metadata</c> accepts anything: the API server validates it as ObjectMeta, not by schema.</item>
/// </list>
/// Defaults, list types and <c>x-kubernetes-validations</c> are not JSON Schema; see <see cref="StructuralSchema"/>.
/// </summary>
public static class OpenApiSchemaConverter
{
    /// <summary>Formats the API server validates (apiextensions' supported formats) that JsonSchema.Net also knows.</summary>
    public static readonly IReadOnlySet<string> ValidatedFormats =
        new HashSet<string>(StringComparer.Ordinal) { "date-time", "date", "email", "hostname", "ipv4", "ipv6", "uri", "uuid" };

    private static readonly string[] CopiedKeywords =
    [
        "enum", "pattern", "minimum", "maximum", "maxItems", "minItems", "maxLength", "minLength",
        "maxProperties", "minProperties", "multipleOf", "uniqueItems", "required",
    ];

    public static JsonObject Convert(JsonObject openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        var schema = ConvertNode(openApiV3Schema, structural: true);
        if (schema["properties"] is JsonObject properties && properties.ContainsKey("metadata")) properties["metadata"] = true;
        if (schema["required"] is JsonArray required)
        {
            var withoutMetadata = required.Where(name => name?.ToString() != "metadata").Select(name => name?.DeepClone()).ToArray();
            schema["required"] = new JsonArray(withoutMetadata);
        }
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
        foreach (var (key, value) in schema) root[key] = value?.DeepClone();
        return root;
    }

    private static JsonObject ConvertNode(JsonObject node, bool structural)
    {
        var result = new JsonObject();
        var nullable = node["nullable"]?.GetValue<bool>() ?? false;
        var intOrString = node["x-kubernetes-int-or-string"]?.GetValue<bool>() ?? false;
        var preserveUnknownFields = node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() ?? false;
        var type = node["type"]?.ToString();

        if (intOrString) result["type"] = nullable ? new JsonArray("integer", "string", "null") : new JsonArray("integer", "string");
        else if (type is not null) result["type"] = nullable ? new JsonArray(type, "null") : type;

        foreach (var keyword in CopiedKeywords)
        {
            if (node[keyword] is { } value) result[keyword] = value.DeepClone();
        }
        if (nullable && result["enum"] is JsonArray values && !values.Any(value => value is null)) values.Add(null);
        MoveExclusive(node, result, "exclusiveMinimum", "minimum");
        MoveExclusive(node, result, "exclusiveMaximum", "maximum");
        if (node["format"]?.ToString() is { } format && ValidatedFormats.Contains(format)) result["format"] = format;

        var properties = node["properties"] as JsonObject;
        if (properties is not null)
        {
            var converted = new JsonObject();
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema) converted[name] = ConvertNode(childSchema, structural);
            }
            result["properties"] = converted;
        }

        switch (node["additionalProperties"])
        {
            case JsonObject additional:
                result["additionalProperties"] = ConvertNode(additional, structural);
                break;
            case JsonValue allowed:
                result["additionalProperties"] = allowed.GetValue<bool>();
                break;
            default:
                if (structural && !preserveUnknownFields && (type == "object" || properties is not null)) result["additionalProperties"] = false;
                break;
        }

        if (node["items"] is JsonObject items) result["items"] = ConvertNode(items, structural);

        foreach (var combinator in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (node[combinator] is not JsonArray branches) continue;
            if (intOrString && combinator == "anyOf" && IsIntOrStringTypes(branches)) continue;
            result[combinator] = new JsonArray(branches.OfType<JsonObject>().Select(branch => (JsonNode)ConvertNode(branch, structural: false)).ToArray());
        }
        if (node["not"] is JsonObject negated) result["not"] = ConvertNode(negated, structural: false);
        return result;
    }

    private static void MoveExclusive(JsonObject node, JsonObject result, string exclusiveKeyword, string boundKeyword)
    {
        if (node[exclusiveKeyword]?.GetValue<bool>() != true || result[boundKeyword] is not { } bound) return;
        result.Remove(boundKeyword);
        result[exclusiveKeyword] = bound.DeepClone();
    }

    // The anyOf that controller-gen writes for int-or-string only restates the type, which "type" already says.
    private static bool IsIntOrStringTypes(JsonArray branches) =>
        branches.All(branch => branch is JsonObject only && only.Count == 1 && only["type"]?.ToString() is "integer" or "string");
}
