using SgLambda.Core.Calico;

namespace SgLambda.Core.Planning;

/// <summary>
/// What to change in the cluster: objects to apply (created or changed) and objects to delete, both in
/// key order. An empty plan writes nothing.
/// </summary>
public sealed record Plan(IReadOnlyList<CalicoObject> Apply, IReadOnlyList<Deletion> Delete, IReadOnlyList<string> Warnings)
{
    public static Plan Empty { get; } = new([], [], []);

    public bool IsEmpty => Apply.Count == 0 && Delete.Count == 0;
}
