using System.Collections.Immutable;

namespace SgLambda.Core.Calico;

/// <summary>Kubernetes object metadata: the parts SgLambda writes or reads back.</summary>
public sealed record ObjectMeta
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public string? ResourceVersion { get; init; }
    /// <summary>The server's id of this incarnation of the object (read back, never rendered): a write's precondition.</summary>
    public string? Uid { get; init; }
    public ImmutableSortedDictionary<string, string>? Labels { get; init; }
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
    /// <summary>Owners whose deletion deletes this object (NetworkPolicy companions only).</summary>
    public IReadOnlyList<OwnerReference>? OwnerReferences { get; init; }
}
