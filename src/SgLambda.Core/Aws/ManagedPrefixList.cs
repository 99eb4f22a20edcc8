namespace SgLambda.Core.Aws;

/// <summary>A managed prefix list with its entries (GetManagedPrefixListEntries).</summary>
public sealed record ManagedPrefixList
{
    public required string PrefixListId { get; init; }
    public string? PrefixListName { get; init; }
    // A list is never null: source-generated JSON sets one the document leaves out to null (dotnet/runtime#84484).
    public IReadOnlyList<PrefixListEntry> Entries { get; init => field = value ?? []; } = [];
}
