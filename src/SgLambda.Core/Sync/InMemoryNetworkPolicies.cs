using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Ports;

namespace SgLambda.Core.Sync;

/// <summary>Kubernetes NetworkPolicies held in memory: offline cluster snapshots and unit tests.</summary>
public sealed class InMemoryNetworkPolicies(IEnumerable<KubernetesNetworkPolicy>? policies = null) : IKubernetesNetworkPolicies
{
    private readonly List<KubernetesNetworkPolicy> _policies = [.. policies ?? []];
    private readonly Lock _gate = new();

    public IReadOnlyList<KubernetesNetworkPolicy> Policies
    {
        get { lock (_gate) return [.. _policies]; }
    }

    /// <summary>Adds or replaces (by namespace and name) a policy.</summary>
    public void Put(KubernetesNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            _policies.RemoveAll(p => SameKey(p, policy));
            _policies.Add(policy);
        }
    }

    /// <summary>Removes a policy; false when there was none.</summary>
    public bool Remove(string policyNamespace, string name)
    {
        lock (_gate)
        {
            return _policies.RemoveAll(p =>
                string.Equals(p.Metadata.Namespace, policyNamespace, StringComparison.Ordinal)
                && string.Equals(p.Metadata.Name, name, StringComparison.Ordinal)) > 0;
        }
    }

    public Task<IReadOnlyList<KubernetesNetworkPolicy>> ListNetworkPoliciesAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<KubernetesNetworkPolicy>>([.. _policies]);
    }

    private static bool SameKey(KubernetesNetworkPolicy left, KubernetesNetworkPolicy right) =>
        string.Equals(left.Metadata.Namespace, right.Metadata.Namespace, StringComparison.Ordinal)
        && string.Equals(left.Metadata.Name, right.Metadata.Name, StringComparison.Ordinal);
}
