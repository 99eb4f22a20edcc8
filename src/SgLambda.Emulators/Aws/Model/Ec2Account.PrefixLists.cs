using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>Customer-managed prefix lists.</summary>
public sealed partial class Ec2Account
{
    /// <summary>Seeds a prefix list at version 1 and returns it.</summary>
    public Ec2PrefixList AddPrefixList(string name, IReadOnlyList<string> cidrs, string addressFamily = "IPv4", int maxEntries = 100)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        lock (Gate) return CreatePrefixList(name, addressFamily, maxEntries, [.. cidrs.Select(c => new PrefixListEntry { Cidr = c })], []);
    }

    internal Ec2PrefixList CreatePrefixList(string name, string addressFamily, int maxEntries, IReadOnlyList<PrefixListEntry> entries, IReadOnlyList<Tag> tags)
    {
        if (addressFamily is not ("IPv4" or "IPv6"))
            throw Ec2Errors.InvalidParameterValue($"The address family '{addressFamily}' is not valid. Use IPv4 or IPv6.");
        if (maxEntries < 1) throw Ec2Errors.InvalidParameterValue("MaxEntries must be at least 1");
        if (entries.Count > maxEntries)
            throw Ec2Errors.InvalidParameterValue($"The prefix list has {entries.Count} entries, more than its maximum of {maxEntries}");
        var checkedEntries = CheckEntries(addressFamily, entries);
        var list = new Ec2PrefixList(Ids.Next("pl"), name, addressFamily, maxEntries, AccountId)
        {
            Entries = checkedEntries,
            EntriesByVersion = ImmutableDictionary<long, ImmutableList<PrefixListEntry>>.Empty.Add(1, checkedEntries),
            Tags = tags,
        };
        _prefixLists.Add(list.PrefixListId, list);
        return list;
    }

    /// <summary>Adds and removes entries (a new version when they change), renames, resizes.</summary>
    internal Ec2PrefixList ModifyPrefixList(string id, long? currentVersion, string? name, IReadOnlyList<PrefixListEntry> add,
        IReadOnlyList<string> remove, int? maxEntries)
    {
        var list = GetPrefixList(id);
        if (currentVersion is { } expected && expected != list.Version) throw Ec2Errors.PrefixListVersionMismatch(id, list.Version);
        foreach (var cidr in remove)
        {
            if (!list.Entries.Any(e => string.Equals(e.Cidr, cidr, StringComparison.Ordinal)))
                throw Ec2Errors.InvalidParameterValue($"The prefix list entry {cidr} does not exist in {id}");
        }
        var entries = list.Entries.RemoveAll(e => remove.Contains(e.Cidr, StringComparer.Ordinal));
        foreach (var entry in CheckEntries(list.AddressFamily, add))
        {
            var existing = entries.FindIndex(e => string.Equals(e.Cidr, entry.Cidr, StringComparison.Ordinal));
            entries = existing >= 0 ? entries.SetItem(existing, entry) : entries.Add(entry);
        }
        var limit = maxEntries ?? list.MaxEntries;
        if (entries.Count > limit)
            throw Ec2Errors.InvalidParameterValue($"The prefix list would have {entries.Count} entries, more than its maximum of {limit}");
        var changed = add.Count > 0 || remove.Count > 0;
        var version = changed ? list.Version + 1 : list.Version;
        var updated = list with
        {
            PrefixListName = name ?? list.PrefixListName,
            MaxEntries = limit,
            Version = version,
            Entries = entries,
            EntriesByVersion = changed ? list.EntriesByVersion.Add(version, entries) : list.EntriesByVersion,
            State = "modify-complete",
        };
        _prefixLists[id] = updated;
        return updated;
    }

    internal IReadOnlyList<PrefixListEntry> PrefixListEntries(string id, long? targetVersion)
    {
        var list = GetPrefixList(id);
        if (targetVersion is not { } version) return list.Entries;
        return list.EntriesByVersion.TryGetValue(version, out var entries)
            ? entries
            : throw Ec2Errors.InvalidParameterValue($"The prefix list '{id}' has no version {version}");
    }

    private static ImmutableList<PrefixListEntry> CheckEntries(string addressFamily, IReadOnlyList<PrefixListEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (!IPNetwork.TryParse(entry.Cidr, out var cidr)
                || cidr.BaseAddress.AddressFamily != (string.Equals(addressFamily, "IPv6", StringComparison.Ordinal) ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
                throw Ec2Errors.InvalidParameterValue($"The CIDR '{entry.Cidr}' is not a valid {addressFamily} CIDR");
        }
        return [.. entries];
    }
}
