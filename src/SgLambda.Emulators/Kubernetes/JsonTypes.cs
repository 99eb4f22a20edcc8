using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>OpenAPI type names of JSON values, as kube-openapi reports them ("string", "integer", "number", ...).</summary>
public static class JsonTypes
{
    public static string Name(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        _ => "undefined",
    };

    /// <summary>True for a JSON number with no fractional part (<c>3</c> and <c>3.0</c>), as OpenAPI's integer check.</summary>
    public static bool IsInteger(JsonNode? value)
    {
        if (JsonNumbers.TryGetInt64(value, out _)) return true;
        return JsonNumbers.TryGetDouble(value, out var number) && Math.Floor(number) == number && !double.IsInfinity(number);
    }
}
