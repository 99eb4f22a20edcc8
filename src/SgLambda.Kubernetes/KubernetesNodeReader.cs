using k8s;
using SgLambda.Core.Aws;
using SgLambda.Core.Input;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>The cluster's Nodes, as names and EC2 instance ids (from <c>spec.providerID</c>, as <c>render</c> reads them), listed page by page.</summary>
public sealed class KubernetesNodeReader : IKubernetesNodes
{
    private readonly IKubernetes _client;
    private readonly KubernetesRetry _retry;
    private readonly int _pageSize;

    public KubernetesNodeReader(IKubernetes client, KubernetesRetry? retry = null, int pageSize = 500)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _client = client;
        _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);
        _pageSize = pageSize;
    }

    public async Task<IReadOnlyList<KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<KubernetesNode>();
        string? next = null;
        do
        {
            var page = await _retry.RunAsync("list nodes", async token =>
            {
                using var response = await _client.CoreV1.ListNodeWithHttpMessagesAsync(continueParameter: next, limit: _pageSize, cancellationToken: token);
                return response.Body;
            }, retryConflicts: false, cancellationToken);
            nodes.AddRange(page.Items.Select(node => new KubernetesNode(node.Metadata.Name, InputParser.InstanceIdOf(node.Spec?.ProviderID))));
            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
        return nodes;
    }
}
