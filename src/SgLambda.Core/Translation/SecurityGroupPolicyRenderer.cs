using SgLambda.Core.Aws;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>
/// An SG's own policy <c>sg-local.&lt;sg&gt;</c> (its rules, for its members; split in parts at Calico's
/// limit). It depends on the SG alone (and on which prefix lists exist), which keeps events local. The
/// same rules, seen from the other end, go to <c>sg-remote</c> policies (<see cref="RemoteSourceRules"/>).
/// </summary>
public static class SecurityGroupPolicyRenderer
{
    public static IEnumerable<GlobalNetworkPolicy> Render(SecurityGroup group, IReadOnlyList<SecurityGroupRuleView> rules, TranslationContext context)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(context);
        var annotations = group.GroupName is { Length: > 0 } name
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupName] = name }
            : null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupId] = group.GroupId };
        foreach (var rule in rules)
        {
            if (rule.Peer is RulePeer.PrefixListPeer list) labels[LabelKeys.PrefixListReference(list.PrefixListId)] = "";
        }
        var ingress = rules.Where(r => r.Direction == RuleDirection.Ingress).Select(rule => CalicoRuleBuilder.Local(rule, context.Config)).ToList();
        var egress = rules.Where(r => r.Direction == RuleDirection.Egress).Select(rule => CalicoRuleBuilder.Local(rule, context.Config)).ToList();
        var number = 0;
        foreach (var (partIngress, partEgress) in PolicyParts.Split(ingress, egress))
        {
            number++;
            yield return new GlobalNetworkPolicy
            {
                ApiVersion = context.Config.CalicoApiGroup,
                Metadata = ObjectFactory.Meta(PolicyNames.Part(PolicyNames.Local(group.GroupId), number), labels, annotations),
                Spec = new PolicySpec
                {
                    Tier = TierNames.SgLocal,
                    Order = PolicyOrders.SecurityGroup,
                    Selector = Selectors.MemberOf(group.GroupId, context.Config),
                    // Both types always: a member with no rule in one direction is denied that direction.
                    Types = [PolicyTypes.Ingress, PolicyTypes.Egress],
                    Ingress = partIngress,
                    Egress = partEgress,
                },
            };
        }
    }
}
