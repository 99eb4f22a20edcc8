using SgLambda.Core.Calico;

namespace SgLambda.Core.Ports;

/// <summary>
/// The Calico objects in a cluster, as the event path and reconcile see them. Implemented on the
/// Kubernetes API and in memory for tests and offline snapshots. Kinds and label queries are typed: only the
/// Kubernetes adapter writes them as API paths and <c>labelSelector</c> strings. Implementations retry throttling
/// and transient errors themselves.
/// </summary>
public interface ICalicoStore
{
    /// <summary>Objects of one kind whose labels <paramref name="query"/> asks for.</summary>
    Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken);

    /// <summary>As <see cref="ListAsync"/>, with the resourceVersion the list was read at (the reconcile's preconditions).</summary>
    Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ListVersionedAsync"/>, handing each object to <paramref name="each"/> as its page is read
    /// instead of keeping the list: the reconcile compares the whole cluster with the whole render and need not
    /// hold both. <paramref name="restart"/> is called when the store starts the list over (an expired continue
    /// token): what <paramref name="each"/> was given before then is to be forgotten. Returns the list's
    /// resourceVersion. The default lists in one piece; stores that page override it.
    /// </summary>
    async Task<string?> ListEachAsync(CalicoKind kind, LabelQuery query, Action<CalicoObject> each, Action restart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(each);
        var listing = await ListVersionedAsync(kind, query, cancellationToken);
        foreach (var value in listing.Items) each(value);
        return listing.ResourceVersion;
    }

    /// <summary>Creates or updates the object (server-side apply, field manager <c>sglambda</c>).</summary>
    Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or updates the object (server-side apply, as <see cref="ApplyAsync"/>) only when it still meets
    /// <paramref name="precondition"/>; false, writing nothing, when another writer changed, created or deleted it
    /// since it was listed (that writer's state is newer: the event path stays authoritative).
    /// </summary>
    Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object; when <paramref name="resourceVersion"/> is given, only if it is still that
    /// version (so an object changed since it was read, e.g. taken over by someone else, survives).
    /// A missing object is not an error.
    /// </summary>
    Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken);
}
