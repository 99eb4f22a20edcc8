using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Admission;

/// <summary>
/// The RFC 6902 operations that make a pod's <c>sg.aws.tigera.io/*</c> labels exactly the derived set and
/// leave every other label alone.
/// </summary>
public static class LabelPatch
{
    public static IReadOnlyList<JsonPatchOperation> For(JsonElement pod, IReadOnlyList<string> derivedKeys)
    {
        var derived = derivedKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!pod.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return derived.Count == 0 ? [] : [new("add", "/metadata", new JsonObject { ["labels"] = LabelsObject(derived) })];
        }
        if (!metadata.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object)
        {
            // "add" on an existing member (labels: null) replaces it, as RFC 6902 says.
            return derived.Count == 0 ? [] : [new("add", "/metadata/labels", LabelsObject(derived))];
        }
        var operations = new List<JsonPatchOperation>();
        var existing = labels.EnumerateObject().ToList();
        foreach (var label in existing.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            if (label.Name.StartsWith(LabelKeys.SecurityGroupPrefix, StringComparison.Ordinal)
                && !derived.Contains(label.Name, StringComparer.Ordinal))
            {
                operations.Add(new("remove", LabelPath(label.Name)));
            }
        }
        foreach (var key in derived)
        {
            var current = existing.FirstOrDefault(l => string.Equals(l.Name, key, StringComparison.Ordinal));
            if (current.Value.ValueKind == JsonValueKind.Undefined)
            {
                operations.Add(new("add", LabelPath(key), JsonValue.Create("")));
            }
            else if (current.Value.ValueKind != JsonValueKind.String || current.Value.GetString()!.Length != 0)
            {
                operations.Add(new("replace", LabelPath(key), JsonValue.Create("")));
            }
        }
        return operations;
    }

    /// <summary>JSON Pointer (RFC 6901) of a label: <c>~</c> becomes <c>~0</c>, then <c>/</c> becomes <c>~1</c>.</summary>
    public static string LabelPath(string key) =>
        "/metadata/labels/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonObject LabelsObject(IEnumerable<string> keys)
    {
        var labels = new JsonObject();
        foreach (var key in keys) labels[key] = "";
        return labels;
    }
}
