namespace SgLambda.Core.NetworkPolicies;

/// <summary>
/// A Kubernetes <c>metav1.LabelSelector</c> (matchLabels and matchExpressions, all ANDed). Empty selects
/// everything; Calico's selector language is a different one (see <see cref="KubernetesNetworkPolicyConverter"/>).
/// </summary>
public sealed record LabelSelectorSpec
{
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }
    public IReadOnlyList<LabelSelectorRequirementSpec>? MatchExpressions { get; init; }

    /// <summary>True when the selector has no term (it selects everything).</summary>
    public bool IsEmpty => (MatchLabels is null || MatchLabels.Count == 0) && (MatchExpressions is null || MatchExpressions.Count == 0);
}
