using SgLambda.Core.Calico;

namespace SgLambda.Core.Planning;

/// <summary>
/// What a plan needs of an object the cluster listed: its identity, its version, whether SgLambda owns it, and
/// whether it already holds what the render wants. A reconcile keeps this instead of the object, so the whole
/// cluster's listing and the whole render are never in memory together (at 10,000 SGs each is ~300 MB).
/// </summary>
public sealed record ListedObject(ObjectKey Key, string? ResourceVersion, string? Uid, bool Owned, bool SameAsWanted)
{
    /// <param name="value">The listed object.</param>
    /// <param name="wanted">The render, by key (the first object of each key, as <see cref="Planner.Diff(IEnumerable{CalicoObject}, IEnumerable{CalicoObject})"/> takes it).</param>
    public static ListedObject Of(CalicoObject value, IReadOnlyDictionary<ObjectKey, CalicoObject> wanted)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(wanted);
        var owned = Planner.IsOwned(value);
        var same = owned && wanted.TryGetValue(value.Key, out var desired) && ObjectComparer.SameContent(desired, value);
        return new ListedObject(value.Key, value.Metadata.ResourceVersion, value.Metadata.Uid, owned, same);
    }
}
