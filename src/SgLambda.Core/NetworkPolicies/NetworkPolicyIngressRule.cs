namespace SgLambda.Core.NetworkPolicies;

/// <summary>An ingress rule: traffic from any of <see cref="From"/> (none = from anywhere) to any of <see cref="Ports"/> (none = every port).</summary>
public sealed record NetworkPolicyIngressRule
{
    public IReadOnlyList<NetworkPolicyPeer>? From { get; init; }
    public IReadOnlyList<NetworkPolicyPort>? Ports { get; init; }
}
