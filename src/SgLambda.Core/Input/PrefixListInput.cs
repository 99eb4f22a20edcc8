using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>
/// A managed prefix list as <c>pls.json</c> gives it: with its entries, or as raw
/// <c>aws ec2 describe-managed-prefix-lists</c> prints it, without (null: unknown, which is not empty).
/// </summary>
internal sealed record PrefixListInput
{
    public required string PrefixListId { get; init; }
    public string? PrefixListName { get; init; }
    public IReadOnlyList<PrefixListEntry>? Entries { get; init; }
}
