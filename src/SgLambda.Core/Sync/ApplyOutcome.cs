namespace SgLambda.Core.Sync;

/// <summary>What applying a plan did.</summary>
/// <param name="Applied">Objects written.</param>
/// <param name="Deleted">Deletions sent (a missing object, or one changed since it was read, is left as it is).</param>
/// <param name="Skipped">Conditional writes not made: another writer changed the object since it was listed.</param>
/// <param name="NotStarted">Writes not begun because the run had to stop (its deadline); the next run plans them again.</param>
public sealed record ApplyOutcome(int Applied, int Deleted, int Skipped, int NotStarted)
{
    /// <summary>True when every write of the plan was attempted.</summary>
    public bool Complete => NotStarted == 0;
}
