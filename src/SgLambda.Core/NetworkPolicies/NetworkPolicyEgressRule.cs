namespace SgLambda.Core.NetworkPolicies;

/// <summary>An egress rule: traffic to any of <see cref="To"/> (none = anywhere) on any of <see cref="Ports"/> (none = every port).</summary>
public sealed record NetworkPolicyEgressRule
{
    public IReadOnlyList<NetworkPolicyPeer>? To { get; init; }
    public IReadOnlyList<NetworkPolicyPort>? Ports { get; init; }
}
