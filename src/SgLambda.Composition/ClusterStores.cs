using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;
using SgLambda.Kubernetes;

namespace SgLambda.Composition;

/// <summary>The one place a live cluster's Calico store is built.</summary>
internal static class ClusterStores
{
    public static ICalicoStore Create(KubernetesHttpApi api, SgLambdaConfig config, Action<string>? log) =>
        new KubernetesCalicoStore(api, Options(config, log));

    private static KubernetesStoreOptions Options(SgLambdaConfig config, Action<string>? log) =>
        new() { ApiGroup = config.CalicoApiGroup, Log = log };
}
