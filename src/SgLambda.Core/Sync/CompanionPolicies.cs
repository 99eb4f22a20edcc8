using SgLambda.Core.Ports;

namespace SgLambda.Core.Sync;

/// <summary>
/// Whether the full reconcile writes the companions of SG-aware Kubernetes NetworkPolicies (and deletes owned
/// ones whose owner is gone). Enabled names where the NetworkPolicies are read from; events never touch companions.
/// </summary>
public abstract record CompanionPolicies
{
    private CompanionPolicies()
    {
    }

    /// <summary>No companions: the reconcile neither lists Calico NetworkPolicies nor reads Kubernetes ones.</summary>
    public static CompanionPolicies Disabled { get; } = new Off();

    /// <summary>Companions of the NetworkPolicies <paramref name="source"/> lists.</summary>
    public static CompanionPolicies Enabled(IKubernetesNetworkPolicies source) => new On(source ?? throw new ArgumentNullException(nameof(source)));

    /// <summary>The NetworkPolicies to write companions for; null when disabled.</summary>
    public abstract IKubernetesNetworkPolicies? Source { get; }

    private sealed record Off : CompanionPolicies
    {
        public override IKubernetesNetworkPolicies? Source => null;
    }

    private sealed record On(IKubernetesNetworkPolicies NetworkPolicies) : CompanionPolicies
    {
        public override IKubernetesNetworkPolicies? Source => NetworkPolicies;
    }
}
