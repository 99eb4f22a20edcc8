using System.Net;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// A pod as <c>kubectl get pods -A -o json</c> shows it: enough to find it by name and evaluate it.
/// <see cref="Ip"/> is null until the pod is scheduled and has an address.
/// </summary>
public sealed record ClusterPod(string Namespace, string Name, IPAddress? Ip, IReadOnlyDictionary<string, string> Labels, string? NodeName, bool HostNetwork)
{
    /// <summary>Its <c>aws.tigera.io/security-groups</c> annotation (the SGs it claims), null when absent.</summary>
    public string? SecurityGroupClaim { get; init; }

    /// <summary>The workload endpoint Calico makes of it; host-network and address-less pods have none.</summary>
    public Pod? AsWorkload() => HostNetwork || Ip is null ? null : new Pod(Namespace, Name, Ip, Labels);
}
