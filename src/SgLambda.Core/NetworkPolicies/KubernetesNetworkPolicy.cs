namespace SgLambda.Core.NetworkPolicies;

/// <summary>
/// A Kubernetes <c>networking.k8s.io/v1</c> NetworkPolicy, as the API server returns it: the parts Calico's
/// converter and SgLambda's companion read. Parse it with <see cref="KubernetesNetworkPolicyParser"/>.
/// </summary>
public sealed record KubernetesNetworkPolicy
{
    public const string ApiVersionValue = "networking.k8s.io/v1";
    public const string KindValue = "NetworkPolicy";

    public string ApiVersion { get; init; } = ApiVersionValue;
    public string Kind { get; init; } = KindValue;
    public required NetworkPolicyMetadata Metadata { get; init; }
    public NetworkPolicySpec Spec { get; init; } = new();

    public override string ToString() => $"NetworkPolicy {Metadata.Namespace}/{Metadata.Name}";
}
