using System.Text.Json.Nodes;
using k8s;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// The cluster's Kubernetes NetworkPolicies in every namespace, through KubernetesClient's
/// <c>networking.k8s.io/v1</c> API, page by page, read into the core's model by
/// <see cref="KubernetesNetworkPolicyParser"/> (so both adapters read them alike).
/// </summary>
public sealed class KubernetesNetworkPolicyReader : IKubernetesNetworkPolicies
{
    private readonly IKubernetes _client;
    private readonly KubernetesRetry _retry;
    private readonly int _pageSize;

    public KubernetesNetworkPolicyReader(IKubernetes client, KubernetesRetry? retry = null, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _client = client;
        _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);
        _pageSize = pageSize;
    }

    public async Task<IReadOnlyList<KubernetesNetworkPolicy>> ListNetworkPoliciesAsync(CancellationToken cancellationToken)
    {
        var policies = new List<KubernetesNetworkPolicy>();
        string? next = null;
        do
        {
            var page = await _retry.RunAsync("list networkpolicies (networking.k8s.io/v1)", async token =>
            {
                using var response = await _client.NetworkingV1.ListNetworkPolicyForAllNamespacesWithHttpMessagesAsync(
                    continueParameter: next, limit: _pageSize, cancellationToken: token);
                return response.Body;
            }, retryConflicts: false, cancellationToken);
            foreach (var item in page.Items)
                policies.Add(KubernetesNetworkPolicyParser.Parse(JsonNode.Parse(KubernetesJson.Serialize(item))!));
            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
        return policies;
    }
}
