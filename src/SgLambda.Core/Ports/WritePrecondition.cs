namespace SgLambda.Core.Ports;

/// <summary>
/// What a conditional write (<see cref="ICalicoStore.ApplyIfUnchangedAsync"/>) requires of the object: that it
/// is still the one listed (same uid, same resourceVersion), or, when the listing did not hold it, that it is
/// still absent. A write whose precondition fails lost to a newer writer and is skipped.
/// </summary>
/// <param name="Existed">Whether the listing held the object.</param>
/// <param name="ResourceVersion">
/// The object's resourceVersion when listed; for an absent object, the listing's own resourceVersion (no object
/// created after the listing has it, so the API server answers 409 instead of overwriting).
/// </param>
/// <param name="Uid">The listed object's uid (null when absent): a deleted and re-created object is another one.</param>
public sealed record WritePrecondition(bool Existed, string? ResourceVersion, string? Uid)
{
    /// <summary>The object as listed.</summary>
    public static WritePrecondition Unchanged(string? resourceVersion, string? uid) => new(true, resourceVersion, uid);

    /// <summary>The object was absent from a listing at <paramref name="listResourceVersion"/>: create it only.</summary>
    public static WritePrecondition StillAbsent(string? listResourceVersion) => new(false, listResourceVersion, null);
}
