using k8s;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Explain;

namespace SgLambda.Cli;

/// <summary>A live cluster's pods, for <c>doctor</c> and <c>explain</c>.</summary>
internal static class ClusterPods
{
    /// <summary>The cluster's pods as <c>kubectl get pods -A -o json</c> shows them (RBAC: list pods).</summary>
    public static async Task<IReadOnlyList<ClusterPod>> ListAsync(IKubernetes kubernetes, CancellationToken cancellationToken)
    {
        var list = await kubernetes.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken);
        return [.. list.Items.Select(pod => new ClusterPod(
            pod.Metadata.NamespaceProperty ?? "default",
            pod.Metadata.Name,
            System.Net.IPAddress.TryParse(pod.Status?.PodIP, out var ip) ? ip : null,
            pod.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal),
            pod.Spec?.NodeName,
            pod.Spec?.HostNetwork == true)
        {
            SecurityGroupClaim = pod.Metadata.Annotations?.TryGetValue(LabelKeys.SecurityGroupsAnnotation, out var claim) == true ? claim : null,
        })];
    }
}
