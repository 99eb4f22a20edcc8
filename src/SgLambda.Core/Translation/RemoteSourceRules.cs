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
        var ingress = new Dictionary<RemoteTarget, List<Rule>>();
        var egress = new Dictionary<RemoteTarget, List<Rule>>();
        var targets = new List<RemoteTarget>();
        foreach (var rule in rules)
        {
            var target = RemoteTarget.Of(rule);
            if (!ingress.ContainsKey(target))
            {
                targets.Add(target);
                ingress[target] = [];
                egress[target] = [];
            }
            // The far SG's ingress rules decide the local endpoint's egress, and the other way round.
            (rule.Direction == RuleDirection.Ingress ? egress : ingress)[target].Add(CalicoRuleBuilder.Remote(rule, config));
        }
        return targets.ToDictionary(t => t, t => new RemoteSourceRules(groupId, ingress[t], egress[t]));
    }
}
