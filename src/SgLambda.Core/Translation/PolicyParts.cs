using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>A policy's rules cut into parts of at most Calico's rules per direction (SEMANTICS.md section 5).</summary>
public static class PolicyParts
{
    /// <summary>
    /// The (ingress, egress) rules of each part; one part even when there are no rules. A policy that fits
    /// in one part gets the lists themselves (the callers build them for it), not copies.
    /// </summary>
    public static IEnumerable<(IReadOnlyList<Rule> Ingress, IReadOnlyList<Rule> Egress)> Split(IReadOnlyList<Rule> ingress, IReadOnlyList<Rule> egress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(egress);
        var parts = Math.Max(1, Math.Max(Chunks(ingress.Count), Chunks(egress.Count)));
        if (parts == 1)
        {
            yield return (ingress, egress);
            yield break;
        }
        for (var part = 0; part < parts; part++) yield return (Slice(ingress, part), Slice(egress, part));
    }

    private static List<Rule> Slice(IReadOnlyList<Rule> rules, int part)
    {
        var start = Math.Min(rules.Count, part * CalicoLimits.RulesPerDirection);
        var count = Math.Min(CalicoLimits.RulesPerDirection, rules.Count - start);
        return rules is List<Rule> list ? list.GetRange(start, count) : [.. rules.Skip(start).Take(count)];
    }

    private static int Chunks(int count) => (count + CalicoLimits.RulesPerDirection - 1) / CalicoLimits.RulesPerDirection;
}
