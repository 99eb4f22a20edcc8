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
    private readonly Queue<StoreEvent> _events = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableSortedDictionary<string, JsonObject> _objects = ImmutableSortedDictionary.Create<string, JsonObject>(StringComparer.Ordinal);

    public long Revision { get; private set; } = 1;

    /// <summary>The oldest revision a watch can start after: older ones have left the event log (410 Expired).</summary>
    public long OldestWatchableRevision { get; private set; } = 1;

    /// <summary>Completes at the next write (watchers wait on it outside the registry's lock).</summary>
    public Task Changed => _changed.Task;

    /// <summary>The logged changes after <paramref name="revision"/> whose keys start with <paramref name="prefix"/>; null when the log no longer reaches back that far.</summary>
    public IReadOnlyList<StoreEvent>? EventsAfter(long revision, string prefix) =>
        revision < OldestWatchableRevision
            ? null
            : _events.Where(change => change.Revision > revision && change.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();

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
        var type = _objects.ContainsKey(key) ? "MODIFIED" : "ADDED";
        _objects = _objects.SetItem(key, value);
        Remember();
        Log(new StoreEvent(revision, type, key, value));
        return revision;
    }

    public long Delete(string key)
    {
        var revision = NextRevision();
        var last = _objects.GetValueOrDefault(key);
        _objects = _objects.Remove(key);
        Remember();
        if (last is not null)
        {
            var gone = (JsonObject)last.DeepClone();
            ((JsonObject)gone["metadata"]!)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
            Log(new StoreEvent(revision, "DELETED", key, gone));
        }
        return revision;
    }

    /// <summary>Forgets every past revision, so outstanding continue tokens expire (410 Gone), as an etcd compaction does.</summary>
    public void Compact()
    {
        _history.Clear();
        _historyOrder.Clear();
        _events.Clear();
        OldestWatchableRevision = Revision;
    }

    private long NextRevision() => ++Revision;

    // As long as the list history: a watch can resume from any revision a list could continue from.
    private void Log(StoreEvent change)
    {
        _events.Enqueue(change);
        while (_events.Count > retainedRevisions) OldestWatchableRevision = _events.Dequeue().Revision;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }

    private void Remember()
    {
        _history[Revision] = _objects;
        _historyOrder.Enqueue(Revision);
        while (_historyOrder.Count > retainedRevisions) _history.Remove(_historyOrder.Dequeue());
    }
}
