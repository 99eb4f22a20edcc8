using k8s;
using SgLambda.Composition.Offline;
using SgLambda.Core.Ports;
using SgLambda.Kubernetes;

namespace SgLambda.Composition;

/// <summary>The cluster as a source opened it: its Calico objects, NetworkPolicies and, when live, what else the entry points read.</summary>
public sealed record ClusterSide
{
    public required ICalicoStore Store { get; init; }

    /// <summary>The cluster's Kubernetes NetworkPolicies (a snapshot's are read only).</summary>
    public required IKubernetesNetworkPolicies NetworkPolicies { get; init; }

    /// <summary>The cluster's Nodes; null for a snapshot (which holds none).</summary>
    public IKubernetesNodes? Nodes { get; init; }

    /// <summary>The cluster's Namespaces, for the admission webhook; only through the HTTP adapter.</summary>
    public INamespaceReader? Namespaces { get; init; }

    /// <summary>The cluster's pods, for the reconciler's relabelling; only through the HTTP adapter.</summary>
    public IPodLabels? Pods { get; init; }

    /// <summary>The KubernetesClient client, for the CLI's reads of pods, namespaces and the webhook configuration.</summary>
    /// <summary>The live cluster's API client (the adapter's own), for readers beyond the ports: doctor's webhook configuration.</summary>
    public KubernetesHttpApi? Api { get; init; }

    public IKubernetes? Client { get; init; }

    /// <summary>The snapshot file standing in for the cluster; null when live.</summary>
    public ClusterSnapshotFile? Snapshot { get; init; }

    public bool IsLive => Snapshot is null;
}
