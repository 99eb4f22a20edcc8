using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Core.Planning;

/// <summary>
/// Keeps a reconcile from undoing a newer write. The reconcile lists the cluster, reads all of AWS, lists the
/// cluster again, and only then writes. An object whose listing changed between the two listings was written
/// by someone else meanwhile (an event, whose AWS read may be newer than the reconcile's): the reconcile leaves
/// it to that writer. Every other write carries the second listing as its precondition, so a writer that comes
/// later still wins (the store skips the write).
/// </summary>
public static class ConcurrentWriterGuard
{
    private static readonly IReadOnlyDictionary<ObjectKey, CalicoObject> NothingWanted = new Dictionary<ObjectKey, CalicoObject>();

    /// <param name="plan">The reconcile's diff of the AWS render against <paramref name="second"/>.</param>
    /// <param name="first">The resourceVersion of every object in the listing made before AWS was read.</param>
    /// <param name="second">The listing the plan was diffed against, made after AWS was read.</param>
    /// <param name="secondListVersions">The resourceVersion each kind's second listing was read at.</param>
    public static Plan Guard(
        Plan plan, IReadOnlyDictionary<ObjectKey, string?> first, IEnumerable<CalicoObject> second, IReadOnlyDictionary<string, string?> secondListVersions)
    {
        ArgumentNullException.ThrowIfNull(second);
        var listed = new Dictionary<ObjectKey, ListedObject>();
        foreach (var value in second)
        {
            if (!listed.ContainsKey(value.Key)) listed.Add(value.Key, ListedObject.Of(value, NothingWanted));
        }
        return Guard(plan, first, listed, secondListVersions);
    }

    /// <summary>The same, from what was kept of each object of the second listing.</summary>
    public static Plan Guard(
        Plan plan, IReadOnlyDictionary<ObjectKey, string?> first, IReadOnlyDictionary<ObjectKey, ListedObject> listed, IReadOnlyDictionary<string, string?> secondListVersions)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(secondListVersions);

        bool Touched(ObjectKey key)
        {
            var before = first.TryGetValue(key, out var version);
            var after = listed.TryGetValue(key, out var now);
            return before != after || (before && version != now!.ResourceVersion);
        }

        var warnings = new List<string>(plan.Warnings);
        var apply = new List<CalicoObject>();
        var preconditions = new Dictionary<ObjectKey, WritePrecondition>();
        foreach (var value in plan.Apply)
        {
            if (Touched(value.Key))
            {
                warnings.Add($"{value.Key} changed while the reconcile read AWS; left to the writer that changed it");
                continue;
            }
            apply.Add(value);
            preconditions[value.Key] = listed.TryGetValue(value.Key, out var current)
                ? WritePrecondition.Unchanged(current.ResourceVersion, current.Uid)
                : WritePrecondition.StillAbsent(secondListVersions.GetValueOrDefault(value.Kind));
        }
        var delete = new List<Deletion>();
        foreach (var deletion in plan.Delete)
        {
            if (Touched(deletion.Key)) warnings.Add($"{deletion.Key} changed while the reconcile read AWS; left to the writer that changed it");
            else delete.Add(deletion);
        }
        return new Plan(apply, delete, warnings) { Preconditions = preconditions };
    }
}
