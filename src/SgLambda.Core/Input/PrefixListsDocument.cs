using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>
/// <c>pls.json</c>: managed prefix lists with their entries (SEMANTICS.md section 7). AWS has no single
/// command that prints this; it joins describe-managed-prefix-lists and get-managed-prefix-list-entries.
/// </summary>
internal sealed record PrefixListsDocument
{
    public required IReadOnlyList<ManagedPrefixList> PrefixLists { get; init; }
}
