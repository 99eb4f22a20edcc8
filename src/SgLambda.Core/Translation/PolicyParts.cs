using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>A policy's rules cut into parts of at most Calico's rules per direction (SEMANTICS.md section 5).</summary>
public static class PolicyParts
{
    /// <summary>The (ingress, egress) rules of each part; one part even when there are no rules.</summary>
    public static IEnumerable<(List<Rule> Ingress, List<Rule> Egress)> Split(IReadOnlyList<Rule> ingress, IReadOnlyList<Rule> egress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(egress);
        var parts = Math.Max(1, Math.Max(Chunks(ingress.Count), Chunks(egress.Count)));
        for (var part = 0; part < parts; part++)
        {
            yield return (
                [.. ingress.Skip(part * CalicoLimits.RulesPerDirection).Take(CalicoLimits.RulesPerDirection)],
                [.. egress.Skip(part * CalicoLimits.RulesPerDirection).Take(CalicoLimits.RulesPerDirection)]);
        }
    }

    private static int Chunks(int count) => (count + CalicoLimits.RulesPerDirection - 1) / CalicoLimits.RulesPerDirection;
}
