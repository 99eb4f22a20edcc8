using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Numbers of JSON values whatever backs them: a parsed document, or a CLR value (<c>JsonValue.Create(5)</c>),
/// which <c>TryGetValue&lt;long&gt;</c> would refuse for an <c>int</c>.
/// </summary>
public static class JsonNumbers
{
    /// <summary>An integral JSON number (<c>3</c>, <c>3.0</c>, <c>3e0</c>) that fits a long.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.Number) return false;
        var text = scalar.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || Math.Floor(number) != number || number < long.MinValue || number >= 9.2233720368547758E+18) return false;
        value = (long)number;
        return true;
    }

    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.Number
            && double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
