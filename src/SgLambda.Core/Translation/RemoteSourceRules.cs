using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// One SG's contribution to one <c>sg-remote</c> policy: its translated rules, seen from the enforced end
/// (ingress rules of the enforced endpoint come from the SG's egress rules, and the other way round).
/// </summary>
public sealed record RemoteSourceRules(string SourceGroupId, IReadOnlyList<Rule> Ingress, IReadOnlyList<Rule> Egress)
{
    /// <summary>An SG's rules as contributions, by the policy each goes to (in the SG's rule order).</summary>
    public static IReadOnlyDictionary<RemoteTarget, RemoteSourceRules> Of(string groupId, IEnumerable<SecurityGroupRuleView> rules, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(rules);
        // Targets in the order the rules first name them; an SG peer is looked up by its id, so no target
        // is built per rule, and the SG's address-peer bucket is hashed once.
        var byGroup = new Dictionary<string, (List<Rule> Ingress, List<Rule> Egress)>(StringComparer.Ordinal);
        var byBucket = new Dictionary<int, (List<Rule> Ingress, List<Rule> Egress)>();
        var targets = new List<(RemoteTarget Target, List<Rule> Ingress, List<Rule> Egress)>();
        RemoteTarget.AddressPeers? ownBucket = null;
        var (farEndOf, farEnd) = ((string?)null, (EntityRule?)null);
        foreach (var rule in rules)
        {
            (List<Rule> Ingress, List<Rule> Egress) lists;
            if (rule.Peer is RulePeer.GroupPeer group)
            {
                if (!byGroup.TryGetValue(group.GroupId, out lists))
                {
                    byGroup[group.GroupId] = lists = ([], []);
                    targets.Add((new RemoteTarget.ForGroup(group.GroupId), lists.Ingress, lists.Egress));
                }
            }
            else
            {
                var bucket = string.Equals(rule.GroupId, groupId, StringComparison.Ordinal)
                    ? ownBucket ??= RemoteTarget.AddressBucketOf(groupId)
                    : RemoteTarget.AddressBucketOf(rule.GroupId);
                if (!byBucket.TryGetValue(bucket.Bucket, out lists))
                {
                    byBucket[bucket.Bucket] = lists = ([], []);
                    targets.Add((bucket, lists.Ingress, lists.Egress));
                }
            }
            // The far SG's ingress rules decide the local endpoint's egress, and the other way round.
            // The far end is the same for all of the SG's rules: its selector is built once.
            if (!string.Equals(farEndOf, rule.GroupId, StringComparison.Ordinal)) (farEndOf, farEnd) = (rule.GroupId, CalicoRuleBuilder.FarEnd(rule.GroupId, config));
            (rule.Direction == RuleDirection.Ingress ? lists.Egress : lists.Ingress).Add(CalicoRuleBuilder.Remote(rule, farEnd!, config));
        }
        var contributions = new Dictionary<RemoteTarget, RemoteSourceRules>(targets.Count);
        foreach (var (target, ingress, egress) in targets) contributions.Add(target, new RemoteSourceRules(groupId, ingress, egress));
        return contributions;
    }
}
