using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.Cel;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// The structural part of a CRD schema (Kubernetes "structural schema"): the tree of properties, items and
/// additionalProperties with what the API server acts on besides JSON Schema validation: defaults, nullability,
/// list types and <c>x-kubernetes-validations</c> rules (compiled when the schema is loaded).
/// </summary>
public sealed class StructuralSchema
{
    private StructuralSchema() { }

    public string? Type { get; private init; }
    public bool Nullable { get; private init; }
    public bool IntOrString { get; private init; }
    public bool PreserveUnknownFields { get; private init; }
    public IReadOnlyDictionary<string, StructuralSchema> Properties { get; private init; } = new Dictionary<string, StructuralSchema>();
    public StructuralSchema? AdditionalProperties { get; private init; }
    public StructuralSchema? Items { get; private init; }
    public JsonNode? Default { get; private init; }
    /// <summary><c>atomic</c>, <c>set</c> or <c>map</c>; null when not given.</summary>
    public string? ListType { get; private init; }
    public IReadOnlyList<string> ListMapKeys { get; private init; } = [];
    public IReadOnlyList<CelRule> Rules { get; private init; } = [];

    /// <summary>Builds the tree; <paramref name="location"/> names the node in errors (e.g. <c>spec.ingress[*]</c>).</summary>
    public static StructuralSchema From(JsonObject schema, string location)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
        if (schema["properties"] is JsonObject declared)
        {
            foreach (var (name, child) in declared)
            {
                if (child is JsonObject childSchema) properties[name] = From(childSchema, FieldPath.Child(location, name));
            }
        }

        return new StructuralSchema
        {
            Type = schema["type"]?.ToString(),
            Nullable = schema["nullable"]?.GetValue<bool>() ?? false,
            IntOrString = schema["x-kubernetes-int-or-string"]?.GetValue<bool>() ?? false,
            PreserveUnknownFields = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() ?? false,
            Properties = properties,
            AdditionalProperties = schema["additionalProperties"] is JsonObject additional ? From(additional, location + "[*]") : null,
            Items = schema["items"] is JsonObject items ? From(items, location + "[*]") : null,
            Default = schema["default"]?.DeepClone(),
            ListType = schema["x-kubernetes-list-type"]?.ToString(),
            ListMapKeys = (schema["x-kubernetes-list-map-keys"] as JsonArray)?.Select(key => key!.ToString()).ToList() ?? [],
            Rules = CompileRules(schema["x-kubernetes-validations"] as JsonArray, location),
        };
    }

    /// <summary>True when unknown fields of this object are kept rather than rejected.</summary>
    public bool AllowsUnknownFields => PreserveUnknownFields || AdditionalProperties is not null;

    /// <summary>Every compiled rule in the tree, with where it applies.</summary>
    public IEnumerable<(string Location, CelRule Rule)> AllRules(string location = "")
    {
        foreach (var rule in Rules) yield return (location, rule);
        foreach (var (name, child) in Properties)
        {
            foreach (var nested in child.AllRules(FieldPath.Child(location, name))) yield return nested;
        }
        foreach (var nested in AdditionalProperties?.AllRules(location + "[*]") ?? []) yield return nested;
        foreach (var nested in Items?.AllRules(location + "[*]") ?? []) yield return nested;
    }

    private static List<CelRule> CompileRules(JsonArray? validations, string location)
    {
        var rules = new List<CelRule>();
        foreach (var validation in validations ?? [])
        {
            var rule = validation?["rule"]?.ToString() ?? throw new InvalidDataException($"{location}: x-kubernetes-validations entry without a rule");
            try
            {
                rules.Add(CelRule.Compile(
                    rule,
                    validation["message"]?.ToString(),
                    validation["messageExpression"]?.ToString(),
                    validation["reason"]?.ToString(),
                    validation["fieldPath"]?.ToString()));
            }
            catch (CelCompileException error)
            {
                throw new CelCompileException($"{(location.Length == 0 ? "<root>" : location)}: {error.Message}", error);
            }
        }
        return rules;
    }
}
