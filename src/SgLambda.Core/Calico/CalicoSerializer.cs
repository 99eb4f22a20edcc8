using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SgLambda.Core.Calico;

/// <summary>Calico objects to and from Kubernetes JSON, and kubectl-style List documents.</summary>
public static class CalicoSerializer
{
    // Relaxed escaping: selectors keep their && and ' readable (the default encoder writes \u0026, \u0027
    // for HTML safety, which kubectl users never need).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The object as Kubernetes JSON (apiVersion, kind, metadata, spec; nulls omitted).</summary>
    public static JsonObject ToJsonNode(CalicoObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (JsonObject)JsonSerializer.SerializeToNode(value, TypeInfo(value.Kind))!;
    }

    /// <summary>A kubectl-style <c>{"apiVersion":"v1","kind":"List","items":[...]}</c>.</summary>
    public static JsonObject ToList(IEnumerable<CalicoObject> objects)
    {
        var items = new JsonArray();
        foreach (var item in objects) items.Add((JsonNode)ToJsonNode(item));
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items };
    }

    /// <summary>The List as indented JSON text.</summary>
    public static string ToListJson(IEnumerable<CalicoObject> objects) => ToList(objects).ToJsonString(Indented);

    /// <summary>Reads one object; the kind decides the type. Throws <see cref="JsonException"/> for unknown kinds.</summary>
    public static CalicoObject FromJsonNode(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var kind = node["kind"]?.GetValue<string>()
            ?? throw new JsonException("object has no \"kind\"");
        return (CalicoObject)(node.Deserialize(TypeInfo(kind))
            ?? throw new JsonException($"{kind} is null"));
    }

    /// <summary>True for the kinds SgLambda reads and writes.</summary>
    public static bool IsKnownKind(string kind) =>
        kind is "Tier" or "GlobalNetworkPolicy" or "NetworkPolicy" or "HostEndpoint" or "GlobalNetworkSet";

    private static JsonTypeInfo TypeInfo(string kind) => kind switch
    {
        "Tier" => CalicoJsonContext.Default.Tier,
        "GlobalNetworkPolicy" => CalicoJsonContext.Default.GlobalNetworkPolicy,
        "NetworkPolicy" => CalicoJsonContext.Default.NetworkPolicy,
        "HostEndpoint" => CalicoJsonContext.Default.HostEndpoint,
        "GlobalNetworkSet" => CalicoJsonContext.Default.GlobalNetworkSet,
        _ => throw new JsonException($"unsupported kind \"{kind}\""),
    };
}
