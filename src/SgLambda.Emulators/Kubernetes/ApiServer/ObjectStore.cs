using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The emulator's etcd: objects by storage key (ordinal order, as etcd lists them), one global revision that
/// every write bumps and that becomes the written object's <c>metadata.resourceVersion</c>, and the recent
/// revisions kept so paginated lists stay consistent (a continue token older than the kept history expires,
/// as after an etcd compaction). Not thread-safe: <see cref="ResourceRegistry"/> serializes access.
/// Stored objects are never modified in place.
/// </summary>
internal sealed class ObjectStore(int retainedRevisions)
{
    private readonly Dictionary<long, ImmutableSortedDictionary<string, JsonObject>> _history = [];
    private readonly Queue<long> _historyOrder = new();
    private ImmutableSortedDictionary<string, JsonObject> _objects = ImmutableSortedDictionary.Create<string, JsonObject>(StringComparer.Ordinal);

    public long Revision { get; private set; } = 1;

    public JsonObject? Get(string key) => _objects.GetValueOrDefault(key);

    /// <summary>The objects under <paramref name="prefix"/> at <paramref name="revision"/> (null = now), from <paramref name="startKey"/> on.</summary>
    public IEnumerable<KeyValuePair<string, JsonObject>>? Range(string prefix, long? revision, string? startKey)
    {
        ImmutableSortedDictionary<string, JsonObject>? snapshot;
        if (revision is null || revision == Revision) snapshot = _objects;
        else if (!_history.TryGetValue(revision.Value, out snapshot)) return null;
        return snapshot
            .SkipWhile(pair => string.CompareOrdinal(pair.Key, startKey ?? prefix) < 0)
            .TakeWhile(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Stores <paramref name="value"/> under a new revision, which it returns (also set as its resourceVersion).</summary>
    public long Put(string key, JsonObject value)
    {
        var revision = NextRevision();
        ((JsonObject)value["metadata"]!)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        _objects = _objects.SetItem(key, value);
        Remember();
        return revision;
    }

    public long Delete(string key)
    {
        var revision = NextRevision();
        _objects = _objects.Remove(key);
        Remember();
        return revision;
    }

    /// <summary>Forgets every past revision, so outstanding continue tokens expire (410 Gone), as an etcd compaction does.</summary>
    public void Compact()
    {
        _history.Clear();
        _historyOrder.Clear();
    }

    private long NextRevision() => ++Revision;

    private void Remember()
    {
        _history[Revision] = _objects;
        _historyOrder.Enqueue(Revision);
        while (_historyOrder.Count > retainedRevisions) _history.Remove(_historyOrder.Dequeue());
    }
}
