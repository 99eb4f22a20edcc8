using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// One resource the emulator serves, as the API server knows it (group, version, plural, kind, scope), and
/// how its registry strategy behaves (status subresource, generation, selectable fields).
/// </summary>
/// <param name="Group">API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">API version within the group (<c>v1</c>, <c>v3</c>).</param>
/// <param name="Plural">The resource name in URLs (<c>globalnetworkpolicies</c>).</param>
/// <param name="Kind">The object kind (<c>GlobalNetworkPolicy</c>).</param>
/// <param name="ListKind">The kind of its List (<c>GlobalNetworkPolicyList</c>).</param>
/// <param name="Namespaced">True when objects live in a namespace.</param>
/// <param name="IsCustomResource">True for CRD-backed resources (unstructured: list items carry kind and apiVersion).</param>
/// <param name="HasStatusSubresource">True when <c>status</c> is written only through <c>/status</c>.</param>
/// <param name="TracksGeneration">True when <c>metadata.generation</c> is set and bumped on spec changes.</param>
/// <param name="SelectableFields">Field selector paths beyond <c>metadata.name</c> and <c>metadata.namespace</c>.</param>
/// <param name="StoragePrefix">The etcd key prefix, as the API server names it in storage errors.</param>
public sealed record ApiResource(
    string Group,
    string Version,
    string Plural,
    string Kind,
    string ListKind,
    bool Namespaced,
    bool IsCustomResource,
    bool HasStatusSubresource,
    bool TracksGeneration,
    IReadOnlyList<string> SelectableFields,
    string StoragePrefix)
{
    /// <summary>Discovery's <c>shortNames</c> (<c>ns</c>, <c>gnp</c>): kubectl resolves them to this resource.</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Discovery's <c>categories</c> (<c>all</c>, <c>calico</c>): <c>kubectl get CATEGORY</c> lists every member.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Discovery's <c>singularName</c>; the kind in lower case unless the CRD names one.</summary>
    public string? Singular { get; init; }

    /// <summary>The CRD version's <c>openAPIV3Schema</c> (custom resources only), served under <c>/openapi/v3</c>.</summary>
    public JsonObject? OpenApiV3Schema { get; init; }

    /// <summary>
    /// Served for reading only (get, list, watch): e.g. the CustomResourceDefinitions the emulator loaded from
    /// files, which a write could not install. Writes answer 405 MethodNotAllowed.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>The verbs of a resource that is not stored (a review such as <c>selfsubjectaccessreviews</c>); null for stored ones.</summary>
    public IReadOnlyList<string>? ServedVerbs { get; init; }

    /// <summary>The verbs discovery lists for the resource.</summary>
    public IReadOnlyList<string> Verbs => ServedVerbs ?? (ReadOnly
        ? ["get", "list", "watch"]
        : ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]);

    /// <summary><c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>As Go prints a GroupResource: <c>pods</c>, <c>tiers.crd.projectcalico.org</c>.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>As Go prints a GroupKind: <c>Pod</c>, <c>Tier.crd.projectcalico.org</c>.</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>The key the object is stored under, as it appears in Kubernetes storage errors.</summary>
    public string StorageKey(string? objectNamespace, string name) =>
        objectNamespace is null ? $"{StoragePrefix}/{name}" : $"{StoragePrefix}/{objectNamespace}/{name}";
}
