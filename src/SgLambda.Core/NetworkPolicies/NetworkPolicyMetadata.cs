namespace SgLambda.Core.NetworkPolicies;

/// <summary>The ObjectMeta fields of a Kubernetes NetworkPolicy that SgLambda reads.</summary>
public sealed record NetworkPolicyMetadata
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    /// <summary>Set by the API server; the companion's ownerReference needs it.</summary>
    public string? Uid { get; init; }
    public string? ResourceVersion { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
