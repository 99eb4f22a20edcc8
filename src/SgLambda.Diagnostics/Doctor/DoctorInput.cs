using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.NetworkPolicies;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>Everything doctor looks at, read beforehand: doctor itself does no I/O.</summary>
public sealed record DoctorInput
{
    /// <summary>The whole VPC, with the cluster's Nodes.</summary>
    public required AwsSnapshot Aws { get; init; }
    public required SgLambdaConfig Config { get; init; }
    /// <summary>Every Tier, GlobalNetworkPolicy, NetworkPolicy, HostEndpoint and GlobalNetworkSet, owned by SgLambda or not.</summary>
    public required IReadOnlyList<CalicoObject> Cluster { get; init; }
    /// <summary>The configuration named <see cref="WebhookConfiguration.SgLambdaName"/>; a null value means it is absent.</summary>
    /// <summary>The cluster's Kubernetes NetworkPolicies (for the SG-aware companions).</summary>
    public Observed<IReadOnlyList<KubernetesNetworkPolicy>> NetworkPolicies { get; init; } =
        Observation.Skipped<IReadOnlyList<KubernetesNetworkPolicy>>("not read");
    /// <summary>The cluster's pods (<c>kubectl get pods -A -o json</c>), for what annotated pods can reach.</summary>
    public Observed<IReadOnlyList<ClusterPod>> Pods { get; init; } = Observation.Skipped<IReadOnlyList<ClusterPod>>("not read");
    public Observed<WebhookConfiguration?> Webhook { get; init; } = Observation.Skipped<WebhookConfiguration?>("not read");
    public Observed<WebhookProbeResult> WebhookProbe { get; init; } = Observation.Skipped<WebhookProbeResult>("not probed");
    public Observed<DeadLetterQueueState> DeadLetterQueue { get; init; } = Observation.Skipped<DeadLetterQueueState>("not read");
    public Observed<IReadOnlyList<FunctionLogErrors>> FunctionErrors { get; init; } = Observation.Skipped<IReadOnlyList<FunctionLogErrors>>("not read");
}
