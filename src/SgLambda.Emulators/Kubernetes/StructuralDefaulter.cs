using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// What the API server does to a custom resource before validating it (apiextensions structural defaulting):
/// a <c>null</c> in a field that is not nullable is dropped, or replaced by the field's default; an absent
/// field with a default gets it. Works in place.
/// </summary>
public static class StructuralDefaulter
{
    public static void Apply(JsonNode? value, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        switch (value)
        {
            case JsonObject map:
                foreach (var (name, property) in schema.Properties)
                {
                    if (map.TryGetPropertyValue(name, out var current))
                    {
                        if (current is null && !property.Nullable)
                        {
                            map.Remove(name);
                            if (property.Default is not null) map[name] = property.Default.DeepClone();
                        }
                    }
                    else if (property.Default is not null)
                    {
                        map[name] = property.Default.DeepClone();
                    }
                    if (map[name] is { } child) Apply(child, property);
                }
                if (schema.AdditionalProperties is { } additional)
                {
                    foreach (var (_, entry) in map.ToList())
                    {
                        if (entry is not null) Apply(entry, additional);
                    }
                }
                break;
            case JsonArray list when schema.Items is { } items:
                foreach (var element in list)
                {
                    if (element is not null) Apply(element, items);
                }
                break;
        }
    }
}
