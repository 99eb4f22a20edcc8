using System.Text.Json.Nodes;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Planning;

/// <summary>
/// Decides whether an object in the cluster already says what SgLambda would write. Only what SgLambda
/// owns counts: the spec, and labels and annotations under its own keys. Server-side metadata
/// (resourceVersion, uid, managedFields) and labels others add are ignored, and an empty list equals an
/// absent one (the Calico API server omits empty lists).
/// </summary>
public static class ObjectComparer
{
    private static readonly string[] OwnedKeyPrefixes = ["sglambda.io/", LabelKeys.PrefixListReferencePrefix, LabelKeys.SecurityGroupPrefix, LabelKeys.ManagedBy];

    public static bool SameContent(CalicoObject desired, CalicoObject actual)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        return desired.Key == actual.Key
            && string.Equals(desired.ApiVersion, actual.ApiVersion, StringComparison.Ordinal)
            && JsonNode.DeepEquals(Canonical(desired), Canonical(actual));
    }

    /// <summary>The owned content of an object as JSON, empty lists and maps removed.</summary>
    public static JsonObject Canonical(CalicoObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = CalicoSerializer.ToJsonNode(value);
        var metadata = (JsonObject)json["metadata"]!;
        metadata.Remove("resourceVersion");
        metadata.Remove("uid");
        FilterOwned(metadata, "labels");
        FilterOwned(metadata, "annotations");
        return (JsonObject)(Prune(json) ?? new JsonObject());
    }

    private static void FilterOwned(JsonObject metadata, string field)
    {
        if (metadata[field] is not JsonObject map) return;
        foreach (var key in map.Select(p => p.Key).ToList())
        {
            if (!OwnedKeyPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))) map.Remove(key);
        }
    }

    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    var pruned = Prune(map[key]);
                    if (pruned is null) map.Remove(key);
                }
                return map.Count == 0 ? null : map;
            case JsonArray list:
                return list.Count == 0 ? null : list;
            default:
                return node;
        }
    }
}
