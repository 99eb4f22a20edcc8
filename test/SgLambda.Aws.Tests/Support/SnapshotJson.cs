using System.Text.Json;
using SgLambda.Core.Aws;

namespace SgLambda.Aws.Tests.Support;

/// <summary>Records compared as JSON (their lists compare by content, not by reference), order-insensitively.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Each list of the snapshot sorted by its items' JSON (and prefix list entries by CIDR), so order does not matter.</summary>
    public static string Normalized(AwsSnapshot snapshot) => Of(new
    {
        SecurityGroups = Sorted(snapshot.SecurityGroups),
        SecurityGroupRules = Sorted(snapshot.SecurityGroupRules),
        NetworkInterfaces = Sorted(snapshot.NetworkInterfaces),
        Vpcs = Sorted(snapshot.Vpcs),
        // A prefix list's entries are a set: AWS lists them in its own order.
        PrefixLists = Sorted(snapshot.PrefixLists.Select(p => p with { Entries = [.. p.Entries.OrderBy(e => e.Cidr, StringComparer.Ordinal)] })),
        DbInstances = Sorted(snapshot.DbInstances),
        Nodes = Sorted(snapshot.Nodes),
    });

    private static List<string> Sorted<T>(IEnumerable<T> items) => [.. items.Select(i => Of(i)).Order(StringComparer.Ordinal)];
}
