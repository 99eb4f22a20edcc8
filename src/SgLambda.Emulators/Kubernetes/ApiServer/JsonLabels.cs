using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// An object's <c>metadata.labels</c> read in place for a label selector. A list with a selector looks at every
/// stored object of its resource; copying each one's labels into a dictionary made a large cluster's lists
/// allocate in proportion to the whole store, and the collector then walked the whole store for it.
/// </summary>
internal sealed class JsonLabels(JsonObject? labels) : IReadOnlyDictionary<string, string>
{
    public static JsonLabels Of(JsonObject value) => new(value["metadata"]?["labels"] as JsonObject);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => labels?.Select(pair => pair.Key) ?? [];

    public IEnumerable<string> Values => labels?.Select(pair => ValueOf(pair.Value)) ?? [];

    public int Count => labels?.Count ?? 0;

    public bool ContainsKey(string key) => labels?.ContainsKey(key) ?? false;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (labels is not null && labels.TryGetPropertyValue(key, out var node))
        {
            value = ValueOf(node);
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        (labels?.Select(pair => KeyValuePair.Create(pair.Key, ValueOf(pair.Value))) ?? []).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string ValueOf(JsonNode? node) => node?.GetValue<string>() ?? "";
}
