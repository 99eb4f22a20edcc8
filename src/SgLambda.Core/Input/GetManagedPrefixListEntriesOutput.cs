using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>What <c>aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-...</c> prints (one page: Entries, NextToken).</summary>
internal sealed record GetManagedPrefixListEntriesOutput
{
    public required IReadOnlyList<PrefixListEntry> Entries { get; init; }
}
