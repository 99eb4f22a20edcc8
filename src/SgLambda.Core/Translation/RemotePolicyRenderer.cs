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
        var ordered = new List<RemoteSourceRules>();
        var (ingressCount, egressCount, inOrder) = (0, 0, true);
        foreach (var source in sources)
        {
            if (source.Ingress.Count == 0 && source.Egress.Count == 0) continue;
            inOrder &= ordered.Count == 0 || string.CompareOrdinal(ordered[^1].SourceGroupId, source.SourceGroupId) <= 0;
            ordered.Add(source);
            ingressCount += source.Ingress.Count;
            egressCount += source.Egress.Count;
        }
        if (ordered.Count == 0) yield break;
        // The full render meets the SGs in id order already; the sort (stable) is for the event path.
        if (!inOrder) ordered = [.. ordered.OrderBy(s => s.SourceGroupId, StringComparer.Ordinal)];
        IReadOnlyList<Rule> ingress = ordered.Count == 1 ? ordered[0].Ingress : Concat(ordered, ingressCount, s => s.Ingress);
        IReadOnlyList<Rule> egress = ordered.Count == 1 ? ordered[0].Egress : Concat(ordered, egressCount, s => s.Egress);
        var selector = target.Selector(config);
        var number = 0;
        foreach (var (partIngress, partEgress) in PolicyParts.Split(ingress, egress))
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [target.Label.Key] = target.Label.Value };
            // Each SG's rules are consecutive, in the SGs' order: a part holds the rules of the SGs whose
            // run of rules meets the part's range, in either direction.
            var (start, end) = (number * CalicoLimits.RulesPerDirection, (number + 1) * CalicoLimits.RulesPerDirection);
            var (ingressAt, egressAt) = (0, 0);
            foreach (var source in ordered)
            {
                if (Meets(ingressAt, source.Ingress.Count, start, end) || Meets(egressAt, source.Egress.Count, start, end))
                    labels[LabelKeys.RulesFrom(source.SourceGroupId)] = "";
                ingressAt += source.Ingress.Count;
                egressAt += source.Egress.Count;
            }
            AddPrefixListLabels(labels, partIngress);
            AddPrefixListLabels(labels, partEgress);
            number++;
            yield return new GlobalNetworkPolicy
            {
                ApiVersion = config.CalicoApiGroup,
                Metadata = ObjectFactory.Meta(PolicyNames.Part(target.PolicyName, number), labels),
                Spec = new PolicySpec
                {
                    Tier = TierNames.SgRemote,
                    Order = PolicyOrders.SecurityGroup,
                    Selector = selector,
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

    private static List<Rule> Concat(List<RemoteSourceRules> sources, int count, Func<RemoteSourceRules, IReadOnlyList<Rule>> rules)
    {
        var all = new List<Rule>(count);
        foreach (var source in sources) all.AddRange(rules(source));
        return all;
    }

    /// <summary>Whether the rules [at, at + count) meet the part's [start, end).</summary>
    private static bool Meets(int at, int count, int start, int end) => count > 0 && at < end && at + count > start;

    /// <summary>A label for every prefix list the part's rules name, so a change of the list finds the part.</summary>
    private static void AddPrefixListLabels(Dictionary<string, string> labels, IReadOnlyList<Rule> rules)
    {
        foreach (var rule in rules)
        {
            if (Selectors.PrefixListOf(rule.Source?.Selector) is { } sourceList) labels[LabelKeys.PrefixListReference(sourceList)] = "";
            if (Selectors.PrefixListOf(rule.Destination?.Selector) is { } destinationList) labels[LabelKeys.PrefixListReference(destinationList)] = "";
        }
    }
}
