using System.Globalization;
using System.Text.Json.Nodes;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>The AOT-safe twin of <see cref="KubernetesNetworkPolicyReader"/>: every namespace's NetworkPolicies, page by page, over <see cref="KubernetesHttpApi"/>.</summary>
public sealed class KubernetesHttpNetworkPolicyReader : IKubernetesNetworkPolicies
{
    private readonly KubernetesHttpApi _api;
    private readonly KubernetesRetry _retry;
    private readonly int _pageSize;

    public KubernetesHttpNetworkPolicyReader(KubernetesHttpApi api, KubernetesRetry? retry = null, int pageSize = 500)
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
        string? next = null;
        do
        {
            var path = $"apis/networking.k8s.io/v1/networkpolicies?limit={_pageSize.ToString(CultureInfo.InvariantCulture)}"
                + (next is null ? "" : "&continue=" + Uri.EscapeDataString(next));
            var page = await _retry.RunAsync("list networkpolicies (networking.k8s.io/v1)", token => _api.GetAsync(path, token), retryConflicts: false, cancellationToken);
            foreach (var item in (page["items"] as JsonArray ?? []).OfType<JsonObject>())
                policies.Add(KubernetesNetworkPolicyParser.Parse(item));
            next = page["metadata"]?["continue"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(next));
        return policies;
    }
}
