using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>
/// A Calico resource as SgLambda writes it. Each concrete type is one Kubernetes kind; the API version
/// is chosen by configuration (<c>projectcalico.org/v3</c> or <c>crd.projectcalico.org/v1</c>).
/// </summary>
public abstract record CalicoObject
{
    [JsonPropertyOrder(-3)]
    public required string ApiVersion { get; init; }

    [JsonPropertyOrder(-2)]
    public abstract string Kind { get; }

    [JsonPropertyOrder(-1)]
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The object's identity within a cluster scope (kind and name; namespace where namespaced).</summary>
    [JsonIgnore]
    public ObjectKey Key => new(Kind, Metadata.Namespace, Metadata.Name);
}
