using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>A GlobalNetworkPolicy or NetworkPolicy ready to evaluate: where it applies, and its rules.</summary>
internal sealed record CompiledPolicy(
    string Name,
    string? Namespace,
    string Tier,
    double Order,
    LabelSelector Selector,
    bool AppliesToIngress,
    bool AppliesToEgress,
    IReadOnlyList<CompiledRule> Ingress,
    IReadOnlyList<CompiledRule> Egress)
{
    /// <summary>The tier of a policy that names none.</summary>
    public const string DefaultTier = "default";

    /// <summary>Where a policy without an order sorts: after every ordered one.</summary>
    public const double AbsentOrder = double.PositiveInfinity;

    /// <summary>The name shown in traces: <c>namespace/name</c> for a NetworkPolicy.</summary>
    public string DisplayName => Namespace is null ? Name : $"{Namespace}/{Name}";

    public static CompiledPolicy Compile(string name, string? policyNamespace, PolicySpec spec)
    {
        var ingress = (spec.Ingress ?? []).Select((rule, index) => CompiledRule.Compile(index, rule, policyNamespace, name)).ToList();
        var egress = (spec.Egress ?? []).Select((rule, index) => CompiledRule.Compile(index, rule, policyNamespace, name)).ToList();
        // Calico's defaulting when types is absent: Ingress always, Egress only when there are egress rules.
        var types = spec.Types;
        var appliesToIngress = types is null || types.Contains(PolicyTypes.Ingress, StringComparer.Ordinal);
        var appliesToEgress = types is null ? egress.Count > 0 : types.Contains(PolicyTypes.Egress, StringComparer.Ordinal);
        return new CompiledPolicy(
            name,
            policyNamespace,
            string.IsNullOrEmpty(spec.Tier) ? DefaultTier : spec.Tier,
            spec.Order ?? AbsentOrder,
            LabelSelector.Parse(spec.Selector),
            appliesToIngress,
            appliesToEgress,
            ingress,
            egress);
    }

    public bool AppliesTo(CalicoEndpoint endpoint, TrafficDirection direction)
    {
        if (!(direction == TrafficDirection.Ingress ? AppliesToIngress : AppliesToEgress)) return false;
        if (endpoint.Kind == CalicoEndpointKind.GlobalNetworkSet) return false;
        // A NetworkPolicy applies only to the pods of its own namespace.
        if (Namespace is not null
            && (endpoint.Kind != CalicoEndpointKind.Pod || !string.Equals(endpoint.Namespace, Namespace, StringComparison.Ordinal)))
        {
            return false;
        }
        return Selector.Matches(endpoint.Labels);
    }

    public IReadOnlyList<CompiledRule> Rules(TrafficDirection direction) =>
        direction == TrafficDirection.Ingress ? Ingress : Egress;
}
