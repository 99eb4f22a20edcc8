using SgLambda.Core.Configuration;
using SgLambda.Kubernetes;

namespace SgLambda.Composition;

/// <summary>The one place a live cluster's adapters are built, over one API connection, however it was opened.</summary>
internal static class LiveCluster
{
    public static ClusterSide Open(KubernetesHttpApi api, SgLambdaConfig config, Action<string>? log) => new()
    {
        Api = api,
        Store = new KubernetesCalicoStore(api, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup, Log = log }),
        NetworkPolicies = new KubernetesNetworkPolicyReader(api),
        Nodes = new KubernetesNodeReader(api),
        Namespaces = new KubernetesHttpNamespaceReader(api),
        Pods = new KubernetesHttpPodLabels(api),
    };
}
