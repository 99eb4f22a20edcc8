using System.Collections.Immutable;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// An emulated customer-managed prefix list. Every change of entries makes a new version; the entries of
/// earlier versions stay readable (GetManagedPrefixListEntries <c>TargetVersion</c>).
/// </summary>
public sealed record Ec2PrefixList(string PrefixListId, string PrefixListName, string AddressFamily, int MaxEntries, string OwnerId)
{
    public long Version { get; init; } = 1;
    public ImmutableList<PrefixListEntry> Entries { get; init; } = [];
    public ImmutableDictionary<long, ImmutableList<PrefixListEntry>> EntriesByVersion { get; init; } = ImmutableDictionary<long, ImmutableList<PrefixListEntry>>.Empty;
    /// <summary>create-complete, modify-complete, ...</summary>
    public string State { get; init; } = "create-complete";
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
