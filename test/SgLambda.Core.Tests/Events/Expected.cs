using SgLambda.Core.Events;

namespace SgLambda.Core.Tests.Events;

/// <summary>The affected ids an event should yield, by kind; kinds not set must be empty.</summary>
public sealed record Expected
{
    public string[] SecurityGroups { get; init; } = [];
    public string[] NetworkInterfaces { get; init; } = [];
    public string[] Instances { get; init; } = [];
    public string[] DbInstances { get; init; } = [];
    public string[] DbClusters { get; init; } = [];
    public string[] PrefixLists { get; init; } = [];
    public string[] NetworkInterfaceAttachments { get; init; } = [];
    public string[] NetworkInterfaceDescriptions { get; init; } = [];
    public string[] SecurityGroupMembers { get; init; } = [];

    /// <summary>Every kind with its ids, so a failing assertion shows the whole difference.</summary>
    public static IReadOnlyDictionary<string, string> Describe(AffectedResources affected) => Describe(
        affected.SecurityGroups, affected.NetworkInterfaces, affected.Instances, affected.DbInstances,
        affected.DbClusters, affected.PrefixLists, affected.NetworkInterfaceAttachments, affected.NetworkInterfaceDescriptions,
        affected.SecurityGroupMembers);

    public IReadOnlyDictionary<string, string> Describe() => Describe(
        SecurityGroups, NetworkInterfaces, Instances, DbInstances, DbClusters, PrefixLists, NetworkInterfaceAttachments,
        NetworkInterfaceDescriptions, SecurityGroupMembers);

    private static Dictionary<string, string> Describe(params IEnumerable<string>[] kinds)
    {
        string[] names = ["securityGroups", "networkInterfaces", "instances", "dbInstances", "dbClusters", "prefixLists", "networkInterfaceAttachments",
            "networkInterfaceDescriptions", "securityGroupMembers"];
        return names.Zip(kinds).ToDictionary(k => k.First, k => string.Join(",", k.Second.Order(StringComparer.Ordinal)), StringComparer.Ordinal);
    }
}
