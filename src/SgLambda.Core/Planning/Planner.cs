using SgLambda.Core.Calico;

namespace SgLambda.Core.Planning;

/// <summary>
/// Desired versus actual, for one scope of the cluster, to the minimal plan: apply what is missing or
/// different, delete what SgLambda owns in the scope and no longer wants, touch nothing else.
/// </summary>
public static class Planner
{
    /// <param name="desired">What the translation renders for the scope.</param>
    /// <param name="actual">What the cluster holds in the same scope (may include objects SgLambda does not own).</param>
    public static Plan Diff(IEnumerable<CalicoObject> desired, IEnumerable<CalicoObject> actual)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var wanted = FirstOfEachKey(desired);
        var existing = new Dictionary<ObjectKey, ListedObject>();
        foreach (var value in actual)
        {
            if (!existing.ContainsKey(value.Key)) existing.Add(value.Key, ListedObject.Of(value, wanted));
        }
        return Diff(desired, existing);
    }

    /// <summary>The same plan, from what was kept of each listed object (<see cref="ListedObject.Of"/> against the same render).</summary>
    public static Plan Diff(IEnumerable<CalicoObject> desired, IReadOnlyDictionary<ObjectKey, ListedObject> existing)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(existing);
        var apply = new List<CalicoObject>();
        var warnings = new List<string>();
        var wanted = new HashSet<ObjectKey>();
        foreach (var value in desired.OrderBy(o => o.Key))
        {
            if (!wanted.Add(value.Key)) continue;
            if (!existing.TryGetValue(value.Key, out var current))
            {
                apply.Add(value);
            }
            else if (!current.Owned)
            {
                warnings.Add($"{value.Key} exists and is not managed by sglambda ({LabelKeys.ManagedBy} is not {LabelKeys.ManagedByValue}); left alone");
            }
            else if (!current.SameAsWanted)
            {
                apply.Add(value);
            }
        }

        var delete = existing.Values
            .Where(o => !wanted.Contains(o.Key) && o.Owned)
            .OrderBy(o => o.Key)
            .Select(o => new Deletion(o.Key, o.ResourceVersion))
            .ToList();
        return new Plan(apply, delete, warnings);
    }

    /// <summary>The render by key, the first object of each key (a render holds each key once; a plan takes the first).</summary>
    public static Dictionary<ObjectKey, CalicoObject> FirstOfEachKey(IEnumerable<CalicoObject> desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var wanted = new Dictionary<ObjectKey, CalicoObject>();
        foreach (var value in desired) wanted.TryAdd(value.Key, value);
        return wanted;
    }

    /// <summary>True when the object carries SgLambda's ownership label; only such objects are ever changed or deleted.</summary>
    public static bool IsOwned(CalicoObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Metadata.Labels?.GetValueOrDefault(LabelKeys.ManagedBy) == LabelKeys.ManagedByValue;
    }
}
