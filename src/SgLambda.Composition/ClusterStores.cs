using k8s;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;
using SgLambda.Kubernetes;

namespace SgLambda.Composition;

/// <summary>The one place a live cluster's Calico store is built, from either client the sources hold.</summary>
internal static class ClusterStores
{
    public static ICalicoStore Create(KubernetesHttpApi api, SgLambdaConfig config, Action<string>? log) =>
        new KubernetesHttpCalicoStore(api, Options(config, log));

    public static ICalicoStore Create(IKubernetes client, SgLambdaConfig config, Action<string>? log) =>
        new KubernetesCalicoStore(client, Options(config, log));

    private static KubernetesStoreOptions Options(SgLambdaConfig config, Action<string>? log) =>
        new() { ApiGroup = config.CalicoApiGroup, Log = log };
}
