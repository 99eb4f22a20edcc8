using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>
/// One <c>sg-remote</c> policy (and its split parts) from the contributions of the SGs whose rules it holds.
/// Contributions are ordered by SG id, so the full render and the event path (which keeps the other SGs'
/// rules as the cluster has them) write the same objects.
/// </summary>
public static class RemotePolicyRenderer
{
    /// <summary>The policy's parts; none when no SG contributes a rule.</summary>
    public static IEnumerable<GlobalNetworkPolicy> Render(RemoteTarget target, IEnumerable<RemoteSourceRules> sources, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(config);
        var ordered = sources
            .Where(s => s.Ingress.Count > 0 || s.Egress.Count > 0)
            .OrderBy(s => s.SourceGroupId, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0) yield break;
        var ingress = ordered.SelectMany(s => s.Ingress).ToList();
        var egress = ordered.SelectMany(s => s.Egress).ToList();
        var number = 0;
        foreach (var (partIngress, partEgress) in PolicyParts.Split(ingress, egress))
        {
            number++;
            yield return new GlobalNetworkPolicy
            {
                ApiVersion = config.CalicoApiGroup,
                Metadata = ObjectFactory.Meta(PolicyNames.Part(target.PolicyName, number), Labels(target, partIngress.Concat(partEgress))),
                Spec = new PolicySpec
                {
                    Tier = TierNames.SgRemote,
                    Order = PolicyOrders.SecurityGroup,
                    Selector = target.Selector(config),
                    Types = [PolicyTypes.Ingress, PolicyTypes.Egress],
                    Ingress = partIngress,
                    Egress = partEgress,
                },
            };
        }
    }

    /// <summary>
    /// The contributions held by a target's parts as the cluster has them, all but those of
    /// <paramref name="replaced"/> SGs: what an event keeps when it re-renders the rules of those SGs.
    /// </summary>
    public static IEnumerable<RemoteSourceRules> Kept(RemoteTarget target, IEnumerable<GlobalNetworkPolicy> parts, IReadOnlySet<string> replaced)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(replaced);
        var ordered = parts
            .Select(p => (Part: PolicyNames.PartOf(p.Metadata.Name, target.PolicyName), Policy: p))
            .Where(p => p.Part is not null)
            .OrderBy(p => p.Part)
            .Select(p => p.Policy)
            .ToList();
        var ingress = Group(ordered.SelectMany(p => p.Spec.Ingress ?? []), replaced);
        var egress = Group(ordered.SelectMany(p => p.Spec.Egress ?? []), replaced);
        return ingress.Keys.Union(egress.Keys).Select(source => new RemoteSourceRules(
            source, ingress.GetValueOrDefault(source) ?? [], egress.GetValueOrDefault(source) ?? []));
    }

    private static Dictionary<string, List<Rule>> Group(IEnumerable<Rule> rules, IReadOnlySet<string> replaced)
    {
        var bySource = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            // A rule without its SG annotation was not written by SgLambda: it is not kept.
            if (SourceOf(rule) is not { } source || replaced.Contains(source)) continue;
            if (!bySource.TryGetValue(source, out var list)) bySource[source] = list = [];
            list.Add(rule);
        }
        return bySource;
    }

    private static string? SourceOf(Rule rule) => rule.Metadata?.Annotations?.GetValueOrDefault(LabelKeys.SecurityGroupId);

    private static Dictionary<string, string> Labels(RemoteTarget target, IEnumerable<Rule> rules)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [target.Label.Key] = target.Label.Value };
        foreach (var rule in rules)
        {
            if (SourceOf(rule) is { } source) labels[LabelKeys.RulesFrom(source)] = "";
            foreach (var entity in new[] { rule.Source, rule.Destination })
            {
                if (Selectors.PrefixListOf(entity?.Selector) is { } list) labels[LabelKeys.PrefixListReference(list)] = "";
            }
        }
        return labels;
    }
}
