using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Checks <c>x-kubernetes-list-type</c>: a <c>set</c> has no duplicate items, a <c>map</c> no two items with
/// the same keys (apiextensions <c>ValidateListSetsAndMaps</c>, reported as "Duplicate value").
/// </summary>
public static class ListTypeValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<FieldError>();
        Walk(value, schema, "", errors);
        return errors;
    }

    private static void Walk(JsonNode? value, StructuralSchema schema, string path, List<FieldError> errors)
    {
        switch (value)
        {
            case JsonObject map:
                foreach (var (name, entry) in map)
                {
                    if (path.Length == 0 && name == "metadata") continue;
                    var child = schema.Properties.GetValueOrDefault(name) ?? schema.AdditionalProperties;
                    if (child is not null) Walk(entry, child, FieldPath.Child(path, name), errors);
                }
                break;
            case JsonArray list when schema.Items is { } items:
                if (schema.ListType == "set") Duplicates(list, path, element => element, errors);
                else if (schema.ListType == "map") Duplicates(list, path, element => MapKey(element, schema.ListMapKeys), errors);
                for (var index = 0; index < list.Count; index++) Walk(list[index], items, FieldPath.Index(path, index), errors);
                break;
        }
    }

    private static void Duplicates(JsonArray list, string path, Func<JsonNode?, JsonNode?> key, List<FieldError> errors)
    {
        var seen = new List<JsonNode?>();
        for (var index = 0; index < list.Count; index++)
        {
            var itemKey = key(list[index]);
            if (seen.Any(previous => JsonNode.DeepEquals(previous, itemKey))) errors.Add(FieldError.Duplicate(FieldPath.Index(path, index), itemKey));
            else seen.Add(itemKey);
        }
    }

    private static JsonObject MapKey(JsonNode? element, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys) key[name] = element?[name]?.DeepClone();
        return key;
    }
}
