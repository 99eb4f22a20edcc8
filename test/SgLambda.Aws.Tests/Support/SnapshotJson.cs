using System.Text.Json;
using SgLambda.Core.Aws;

namespace SgLambda.Aws.Tests.Support;

/// <summary>Records compared as JSON (their lists compare by content, not by reference), order-insensitively.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Each list of the snapshot sorted by its items' JSON, so order does not matter.</summary>
    public static string Normalized(AwsSnapshot snapshot) => Of(new
    {
        SecurityGroups = Sorted(snapshot.SecurityGroups),
        SecurityGroupRules = Sorted(snapshot.SecurityGroupRules),
        NetworkInterfaces = Sorted(snapshot.NetworkInterfaces),
        Vpcs = Sorted(snapshot.Vpcs),
        PrefixLists = Sorted(snapshot.PrefixLists),
        DbInstances = Sorted(snapshot.DbInstances),
        Nodes = Sorted(snapshot.Nodes),
    });

    private static List<string> Sorted<T>(IEnumerable<T> items) => [.. items.Select(i => Of(i)).Order(StringComparer.Ordinal)];
}
