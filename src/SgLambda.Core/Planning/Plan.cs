using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Core.Planning;

/// <summary>
/// What to change in the cluster: objects to apply (created or changed) and objects to delete, both in
/// key order. An empty plan writes nothing.
/// </summary>
public sealed record Plan(IReadOnlyList<CalicoObject> Apply, IReadOnlyList<Deletion> Delete, IReadOnlyList<string> Warnings)
{
    public static Plan Empty { get; } = new([], [], []);

    /// <summary>
    /// Conditions on the applies, by key (the reconcile's: each object as it was listed, so a newer writer wins);
    /// an apply without one is unconditional (the event path's, which is authoritative).
    /// </summary>
    public IReadOnlyDictionary<ObjectKey, WritePrecondition> Preconditions { get; init; } = new Dictionary<ObjectKey, WritePrecondition>();

    public bool IsEmpty => Apply.Count == 0 && Delete.Count == 0;
}
