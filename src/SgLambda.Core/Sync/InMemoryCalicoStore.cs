using System.Globalization;
using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Core.Sync;

/// <summary>
/// A cluster's Calico objects held in memory: what offline runs (<c>--cluster-snapshot</c>) plan against,
/// and what unit tests use instead of an API server. Counts writes so tests can assert "no write".
/// </summary>
public sealed class InMemoryCalicoStore : ICalicoStore
{
    private readonly Dictionary<ObjectKey, CalicoObject> _objects = [];
    private readonly Lock _gate = new();
    private long _version;

    public InMemoryCalicoStore(IEnumerable<CalicoObject>? objects = null)
    {
        foreach (var value in objects ?? []) _objects[value.Key] = value;
    }

    public int Writes { get; private set; }

    public IReadOnlyList<CalicoObject> Objects
    {
        get { lock (_gate) return [.. _objects.Values.OrderBy(o => o.Key)]; }
    }

    public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<CalicoObject> found = [.. _objects.Values.Where(o => kind.Is(o) && query.Matches(o.Metadata.Labels)).OrderBy(o => o.Key)];
            return Task.FromResult(found);
        }
    }

    public async Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken)
    {
        string version;
        lock (_gate) version = _version.ToString(CultureInfo.InvariantCulture);
        return new CalicoListing(await ListAsync(kind, query, cancellationToken), version);
    }

    public Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(precondition);
        lock (_gate)
        {
            var exists = _objects.TryGetValue(value.Key, out var current);
            // Versions are never reused, so an equal resourceVersion is the same incarnation, unchanged.
            var holds = precondition.Existed
                ? exists && current!.Metadata.ResourceVersion == precondition.ResourceVersion
                : !exists;
            if (!holds) return Task.FromResult(false);
            Writes++;
            _objects[value.Key] = WithVersion(value, (++_version).ToString(CultureInfo.InvariantCulture));
            return Task.FromResult(true);
        }
    }

    public Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            Writes++;
            var version = (++_version).ToString(CultureInfo.InvariantCulture);
            _objects[value.Key] = WithVersion(value, version);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_objects.TryGetValue(key, out var current)
                && (resourceVersion is null || current.Metadata.ResourceVersion is null || current.Metadata.ResourceVersion == resourceVersion))
            {
                Writes++;
                _objects.Remove(key);
            }
        }
        return Task.CompletedTask;
    }

    private static CalicoObject WithVersion(CalicoObject value, string version) =>
        value with { Metadata = value.Metadata with { ResourceVersion = version } };
}
