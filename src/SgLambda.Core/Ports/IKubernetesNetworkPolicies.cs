using SgLambda.Core.NetworkPolicies;

namespace SgLambda.Core.Ports;

/// <summary>
/// The cluster's Kubernetes NetworkPolicies (<c>networking.k8s.io/v1</c>) in every namespace: the full
/// reconcile writes the companions of the SG-aware ones. Implementations retry transient errors themselves.
/// </summary>
public interface IKubernetesNetworkPolicies
{
    Task<IReadOnlyList<KubernetesNetworkPolicy>> ListNetworkPoliciesAsync(CancellationToken cancellationToken);
}
