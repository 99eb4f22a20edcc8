namespace SgLambda.Diagnostics.Evaluation;

/// <summary>What a Calico selector can select: a pod (workload endpoint), a HostEndpoint, or a GlobalNetworkSet.</summary>
public enum CalicoEndpointKind
{
    Pod,
    HostEndpoint,
    GlobalNetworkSet,
}
