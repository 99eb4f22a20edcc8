using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// What every per-object renderer may read besides the object itself: configuration, the VPC's primary
/// CIDR, which prefix lists exist, rule ids and which instances are cluster nodes. Keeping this small is
/// what keeps each object's inputs local (ARCHITECTURE.md, locality law).
/// </summary>
public sealed record TranslationContext(
    SgLambdaConfig Config,
    string? VpcPrimaryCidr,
    IReadOnlyDictionary<string, ManagedPrefixList> PrefixLists,
    RuleIdIndex RuleIds,
    ClusterNodes Nodes)
{
    /// <summary>Builds the context for a snapshot: prefix lists and nodes indexed, the VPC's CIDR looked up.</summary>
    public static TranslationContext From(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        var prefixLists = new Dictionary<string, ManagedPrefixList>(StringComparer.Ordinal);
        foreach (var list in snapshot.PrefixLists) prefixLists.TryAdd(list.PrefixListId.Trim(), list);
        var vpc = snapshot.Vpcs.FirstOrDefault(v => string.Equals(v.VpcId, config.VpcId, StringComparison.Ordinal));
        return new TranslationContext(
            config,
            vpc?.CidrBlock,
            prefixLists,
            new RuleIdIndex(snapshot.SecurityGroupRules),
            ClusterNodes.From(snapshot, config));
    }
}
