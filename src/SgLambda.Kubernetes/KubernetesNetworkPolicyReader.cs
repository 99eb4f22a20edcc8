using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// The cluster's Kubernetes NetworkPolicies (<c>networking.k8s.io/v1</c>) in every namespace, page by page, read
/// into the core's model by <see cref="KubernetesNetworkPolicyParser"/>.
/// </summary>
public sealed class KubernetesNetworkPolicyReader : IKubernetesNetworkPolicies
{
    private readonly KubernetesHttpApi _api;
    private readonly KubernetesRetry _retry;
    private readonly int _pageSize;

    public KubernetesNetworkPolicyReader(KubernetesHttpApi api, KubernetesRetry? retry = null, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _api = api;
        _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);
        _pageSize = pageSize;
    }

    public async Task<IReadOnlyList<KubernetesNetworkPolicy>> ListNetworkPoliciesAsync(CancellationToken cancellationToken)
    {
        var policies = new List<KubernetesNetworkPolicy>();
        await PagedList.ReadAsync(_api, _retry, "apis/networking.k8s.io/v1/networkpolicies", _pageSize, "list networkpolicies (networking.k8s.io/v1)",
            item => policies.Add(KubernetesNetworkPolicyParser.Parse(item)), cancellationToken);
        return policies;
    }
}
