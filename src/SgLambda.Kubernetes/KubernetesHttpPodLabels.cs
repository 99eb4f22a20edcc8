using System.Text.Json.Nodes;
using SgLambda.Core.Admission;
using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// Pods over <see cref="KubernetesHttpApi"/>: listed page by page; relabelled by an empty JSON merge patch, an
/// UPDATE that changes nothing itself, which the API server sends to the admission webhook (RBAC: list and patch pods).
/// </summary>
public sealed class KubernetesHttpPodLabels(KubernetesHttpApi api, KubernetesRetry? retry = null, int pageSize = 500) : IPodLabels
{
    private readonly KubernetesRetry _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);

    public async Task<IReadOnlyList<PodLabelState>> ListPodsAsync(CancellationToken cancellationToken)
    {
        var pods = new List<PodLabelState>();
        await PagedList.ReadAsync(api, _retry, "api/v1/pods", pageSize, "list pods", pod =>
        {
            var metadata = pod["metadata"] as JsonObject ?? [];
            var labels = (metadata["labels"] as JsonObject ?? [])
                .ToDictionary(label => label.Key, label => label.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
            pods.Add(new PodLabelState(
                metadata["namespace"]?.GetValue<string>() ?? "",
                metadata["name"]?.GetValue<string>() ?? "",
                labels,
                metadata["annotations"]?[LabelKeys.SecurityGroupsAnnotation]?.GetValue<string>(),
                pod["spec"]?["hostNetwork"]?.GetValue<bool>() == true));
        }, cancellationToken);
        return pods;
    }

    public Task RequestRelabelAsync(PodLabelState pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var path = $"api/v1/namespaces/{Uri.EscapeDataString(pod.Namespace)}/pods/{Uri.EscapeDataString(pod.Name)}";
        return _retry.RunAsync($"relabel pod {pod}", token => api.MergePatchAsync(path, [], token), retryConflicts: false, cancellationToken);
    }
}
