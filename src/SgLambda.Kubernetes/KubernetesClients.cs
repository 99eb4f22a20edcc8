using k8s;

namespace SgLambda.Kubernetes;

/// <summary>
/// A KubernetesClient client for a kubeconfig, for what the CLI reads beyond the adapter's ports (pods and
/// namespaces for <c>explain</c> and <c>doctor</c>). SgLambda's own reads and writes go through <see cref="KubernetesHttpApi"/>.
/// </summary>
public static class KubernetesClients
{
    /// <summary>A client for a kubeconfig's current context, or <paramref name="context"/> when given.</summary>
    public static IKubernetes FromKubeconfig(string kubeconfigPath, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(kubeconfigPath);
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, currentContext: context);
        return new k8s.Kubernetes(configuration);
    }
}
