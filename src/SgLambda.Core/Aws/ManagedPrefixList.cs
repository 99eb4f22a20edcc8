namespace SgLambda.Core.Aws;

/// <summary>A managed prefix list with its entries (GetManagedPrefixListEntries).</summary>
public sealed record ManagedPrefixList
{
    public required string PrefixListId { get; init; }
    public string? PrefixListName { get; init; }
    public IReadOnlyList<PrefixListEntry> Entries { get; init; } = [];
}
