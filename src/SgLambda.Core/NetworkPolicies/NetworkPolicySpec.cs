namespace SgLambda.Core.NetworkPolicies;

/// <summary><c>spec</c> of a Kubernetes NetworkPolicy.</summary>
public sealed record NetworkPolicySpec
{
    /// <summary>The pods of the policy's namespace it applies to; empty selects them all.</summary>
    public LabelSelectorSpec PodSelector { get; init; } = new();
    /// <summary><c>Ingress</c> and/or <c>Egress</c>; the API server fills it in when a client leaves it out.</summary>
    public IReadOnlyList<string>? PolicyTypes { get; init; }
    public IReadOnlyList<NetworkPolicyIngressRule>? Ingress { get; init; }
    public IReadOnlyList<NetworkPolicyEgressRule>? Egress { get; init; }
}
