using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// An SG's two policies: <c>sg-local.&lt;sg&gt;</c> (its rules, for its members) and
/// <c>sg-remote.&lt;sg&gt;</c> (its rules, for enforced endpoints talking to its HostEndpoints).
/// They depend on the SG alone (and on which prefix lists exist), which keeps events local.
/// </summary>
public static class SecurityGroupPolicyRenderer
{
    public static IEnumerable<GlobalNetworkPolicy> Render(SecurityGroup group, TranslationContext context, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(context);
        var rules = RuleFlattener.Flatten(group, context, warnings);
        var ingress = rules.Where(r => r.Direction == RuleDirection.Ingress).ToList();
        var egress = rules.Where(r => r.Direction == RuleDirection.Egress).ToList();
        var annotations = group.GroupName is { Length: > 0 } name
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupName] = name }
            : null;

        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupId] = group.GroupId };
        foreach (var rule in rules)
        {
            if (rule.Peer is RulePeer.PrefixListPeer list) labels[LabelKeys.PrefixListReference(list.PrefixListId)] = "";
        }
        var local = Split(
            PolicyNames.Local(group.GroupId), TierNames.SgLocal, Selectors.MemberOf(group.GroupId, context.Config), labels, annotations,
            ingress: ingress.Select(rule => CalicoRuleBuilder.Local(rule, context.Config)).ToList(),
            egress: egress.Select(rule => CalicoRuleBuilder.Local(rule, context.Config)).ToList(),
            context.Config.CalicoApiGroup);
        // The far SG's ingress rules decide the local endpoint's egress, and the other way round.
        var remote = Split(
            PolicyNames.Remote(group.GroupId), TierNames.SgRemote, RemoteSelector(group.GroupId, rules, context.Config), labels, annotations,
            ingress: egress.Select(rule => CalicoRuleBuilder.Remote(rule, context.Config)).ToList(),
            egress: ingress.Select(rule => CalicoRuleBuilder.Remote(rule, context.Config)).ToList(),
            context.Config.CalicoApiGroup);
        return local.Concat(remote);
    }

    /// <summary>
    /// Only the enforced endpoints the SG's rules could let through, so a pod walks the policies of the
    /// SGs that name it, not every SG in the VPC: members of the SGs the rules reference, or every enforced
    /// endpoint when a rule has a CIDR or prefix-list peer.
    /// </summary>
    private static string RemoteSelector(string groupId, IReadOnlyList<SecurityGroupRuleView> rules, SgLambdaConfig config)
    {
        if (rules.Any(r => r.Peer is not RulePeer.GroupPeer)) return Selectors.EnforcedEndpoint;
        var groups = rules.Select(r => ((RulePeer.GroupPeer)r.Peer).GroupId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // An SG with no rules lets nothing through; selecting its own members keeps the policy harmless.
        if (groups.Count == 0) groups.Add(groupId);
        var selector = $"({Selectors.EnforcedEndpoint}) && ({Selectors.MemberOfAny(groups, config)})";
        return selector.Length <= CalicoLimits.SelectorLength ? selector : Selectors.EnforcedEndpoint;
    }

    private static IEnumerable<GlobalNetworkPolicy> Split(
        string name, string tier, string selector, Dictionary<string, string> labels, Dictionary<string, string>? annotations,
        List<Rule> ingress, List<Rule> egress, string apiVersion)
    {
        var parts = Math.Max(1, Math.Max(Chunks(ingress.Count), Chunks(egress.Count)));
        for (var part = 0; part < parts; part++)
        {
            yield return new GlobalNetworkPolicy
            {
                ApiVersion = apiVersion,
                Metadata = ObjectFactory.Meta(PolicyNames.Part(name, part + 1), labels, annotations),
                Spec = new PolicySpec
                {
                    Tier = tier,
                    Order = PolicyOrders.SecurityGroup,
                    Selector = selector,
                    // Both types always: a member with no rule in one direction is denied that direction.
                    Types = [PolicyTypes.Ingress, PolicyTypes.Egress],
                    Ingress = [.. ingress.Skip(part * CalicoLimits.RulesPerDirection).Take(CalicoLimits.RulesPerDirection)],
                    Egress = [.. egress.Skip(part * CalicoLimits.RulesPerDirection).Take(CalicoLimits.RulesPerDirection)],
                },
            };
        }
    }

    private static int Chunks(int count) => (count + CalicoLimits.RulesPerDirection - 1) / CalicoLimits.RulesPerDirection;
}
