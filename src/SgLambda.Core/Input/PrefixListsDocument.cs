namespace SgLambda.Core.Input;

/// <summary>
/// <c>pls.json</c>: managed prefix lists with their entries (SEMANTICS.md section 7). The raw output of
/// describe-managed-prefix-lists has no entries; they come from get-managed-prefix-list-entries.
/// </summary>
internal sealed record PrefixListsDocument
{
    public required IReadOnlyList<PrefixListInput> PrefixLists { get; init; }
}
