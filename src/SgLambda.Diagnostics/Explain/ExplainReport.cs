using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// The answer to "why is this flow allowed or denied": both endpoints, Calico's verdict on each enforced side
/// tier by tier, AWS's verdict on each side, and whether the integration tiers agree with AWS (SEMANTICS.md
/// section 1: they pass exactly what the SGs allow).
/// </summary>
public sealed record ExplainReport
{
    public required ResolvedEndpoint From { get; init; }
    public required ResolvedEndpoint To { get; init; }
    public required TrafficSpec Traffic { get; init; }
    public required Flow Flow { get; init; }

    /// <summary>What Calico sees at each address: a pod, a HostEndpoint, or null (nothing).</summary>
    public string? CalicoSource { get; init; }
    public string? CalicoDestination { get; init; }

    /// <summary>Null when Calico does not enforce that side (a VPC member, an address outside the cluster).</summary>
    public CalicoSideReport? CalicoEgress { get; init; }
    public CalicoSideReport? CalicoIngress { get; init; }

    public required AwsSideReport AwsEgress { get; init; }
    public required AwsSideReport AwsIngress { get; init; }

    /// <summary>Why AWS does not filter this flow at all (DNS resolver, Time Sync, metadata service), or null.</summary>
    public string? AwsExemption { get; init; }

    /// <summary>Calico enforces at least one side.</summary>
    public bool CalicoEnforced => CalicoEgress is not null || CalicoIngress is not null;

    /// <summary>Every enforced side allows the flow, through all tiers and profiles.</summary>
    public required bool CalicoAllowed { get; init; }

    /// <summary>The integration tiers (sg-remote, sg-local, metadata) pass the flow on every enforced side.</summary>
    public required bool IntegrationTiersPass { get; init; }

    public required bool AwsAllowed { get; init; }

    /// <summary>The verdict the network gives: Calico's where it enforces a side, else AWS's.</summary>
    public bool Allowed => CalicoEnforced ? CalicoAllowed : AwsAllowed;

    /// <summary>
    /// The integration tiers pass exactly when the SG rules they answer for allow the flow (always true when
    /// Calico enforces neither side, and for a pod's access to the metadata service, which the metadata tier decides).
    /// </summary>
    public required bool Agree { get; init; }

    /// <summary>Things the user should know (e.g. Kubernetes NetworkPolicies that could not be evaluated).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
