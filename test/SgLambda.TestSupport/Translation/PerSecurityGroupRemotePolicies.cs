using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Translation;

namespace SgLambda.TestSupport.Translation;

/// <summary>
/// The replaced <c>sg-remote</c> construction, one policy (and its split parts) per SG, <c>sg-remote.&lt;sg&gt;</c>:
/// what a cluster upgraded from it holds (the upgrade property) and what the data-plane benchmark compares against.
/// </summary>
public static class PerSecurityGroupRemotePolicies
{
    /// <summary>Every SG's policies, as the replaced construction rendered them for the account.</summary>
    public static IEnumerable<GlobalNetworkPolicy> For(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        var context = TranslationContext.From(snapshot, config);
        return Translator.SecurityGroupsOf(snapshot, config).SelectMany(group => Of(group, RuleFlattener.Flatten(group, context, []), config));
    }

    /// <summary>The policies of <paramref name="group"/>: its own rules, seen from the far end, selecting the enforced endpoints they could let through.</summary>
    public static IEnumerable<GlobalNetworkPolicy> Of(SecurityGroup group, IReadOnlyList<SecurityGroupRuleView> rules, SgLambdaConfig config)
    {
        var annotations = group.GroupName is { Length: > 0 } groupName
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupName] = groupName }
            : null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKeys.SecurityGroupId] = group.GroupId };
        foreach (var rule in rules)
        {
            if (rule.Peer is RulePeer.PrefixListPeer list) labels[LabelKeys.PrefixListReference(list.PrefixListId)] = "";
        }
        var named = rules.Select(r => r.Peer).OfType<RulePeer.GroupPeer>().Select(p => p.GroupId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var selector = rules.Any(r => r.Peer is not RulePeer.GroupPeer) || named.Count == 0
            ? Selectors.EnforcedEndpoint
            : $"({Selectors.EnforcedEndpoint}) && ({string.Join(" || ", named.Select(id => Selectors.MemberOf(id, config)))})";
        if (selector.Length > CalicoLimits.SelectorLength) selector = Selectors.EnforcedEndpoint;
        var ingress = rules.Where(r => r.Direction == RuleDirection.Egress).Select(r => Legacy(r, config)).ToList();
        var egress = rules.Where(r => r.Direction == RuleDirection.Ingress).Select(r => Legacy(r, config)).ToList();
        var number = 0;
        foreach (var (partIngress, partEgress) in PolicyParts.Split(ingress, egress))
        {
            number++;
            yield return new GlobalNetworkPolicy
            {
                ApiVersion = config.CalicoApiGroup,
                Metadata = ObjectFactory.Meta(PolicyNames.Part($"{TierNames.SgRemote}.{group.GroupId}", number), labels, annotations),
                Spec = new PolicySpec
                {
                    Tier = TierNames.SgRemote, Order = PolicyOrders.SecurityGroup, Selector = selector,
                    Types = [PolicyTypes.Ingress, PolicyTypes.Egress], Ingress = partIngress, Egress = partEgress,
                },
            };
        }
    }

    /// <summary>An SG peer was matched on the local end too, as the policy selected every enforced endpoint.</summary>
    private static Rule Legacy(SecurityGroupRuleView view, SgLambdaConfig config)
    {
        var rule = CalicoRuleBuilder.Remote(view, config);
        if (view.Peer is not RulePeer.GroupPeer group) return rule;
        var member = Selectors.MemberOf(group.GroupId, config);
        return view.Direction == RuleDirection.Ingress
            ? rule with { Source = new EntityRule { Selector = member } }
            : rule with { Destination = (rule.Destination ?? new EntityRule()) with { Selector = member } };
    }
}
