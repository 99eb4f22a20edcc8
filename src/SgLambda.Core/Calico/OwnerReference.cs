namespace SgLambda.Core.Calico;

/// <summary>
/// A Kubernetes ownerReference: the object this one belongs to. The garbage collector deletes the dependent
/// when its owner is deleted (same namespace). SgLambda sets it on NetworkPolicy companions.
/// </summary>
public sealed record OwnerReference
{
    public required string ApiVersion { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public bool? Controller { get; init; }
    /// <summary>False: deleting the owner in the foreground need not wait for SgLambda's object.</summary>
    public bool? BlockOwnerDeletion { get; init; }
}
