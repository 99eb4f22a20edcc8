using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
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
        if (desired.Key != actual.Key || !string.Equals(desired.ApiVersion, actual.ApiVersion, StringComparison.Ordinal)) return false;
        // The same bytes once server-set metadata and others' keys are left out is the same content, and checking it
        // is several times cheaper than building both trees (a 1,024-rule policy part). Only different bytes (a change,
        // or an empty list the server dropped) need the canonical trees to decide.
        return OwnedBytes(desired).AsSpan().SequenceEqual(OwnedBytes(actual))
            || JsonNode.DeepEquals(Canonical(desired), Canonical(actual));
    }

    // What Canonical starts from, as bytes: resourceVersion and uid left out, labels and annotations only under owned keys.
    private static byte[] OwnedBytes(CalicoObject value)
    {
        var metadata = value.Metadata with
        {
            ResourceVersion = null,
            Uid = null,
            Labels = OwnedOnly(value.Metadata.Labels),
            Annotations = OwnedOnly(value.Metadata.Annotations),
        };
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer)) CalicoSerializer.Serialize(writer, value with { Metadata = metadata });
        return buffer.WrittenSpan.ToArray();
    }

    private static ImmutableSortedDictionary<string, string>? OwnedOnly(ImmutableSortedDictionary<string, string>? map) =>
        map is null || map.Keys.All(IsOwnedKey) ? map : map.RemoveRange(map.Keys.Where(key => !IsOwnedKey(key)).ToList());

    private static bool IsOwnedKey(string key) => OwnedKeyPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal));

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
            if (!IsOwnedKey(key)) map.Remove(key);
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
