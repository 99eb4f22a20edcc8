using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The resources the emulator serves: the built-in ones SgLambda's features touch (core <c>nodes</c>,
/// <c>namespaces</c>, <c>pods</c>; <c>networking.k8s.io</c> <c>networkpolicies</c>; <c>admissionregistration.k8s.io</c>
/// <c>mutatingwebhookconfigurations</c>) and every served version
/// of the CustomResourceDefinitions it is given (names, scope, status subresource and selectable fields read
/// from the CRD files, as the API server does when a CRD is installed).
/// </summary>
public sealed class ApiResourceCatalog
{
    private readonly Dictionary<(string Group, string Version, string Plural), ApiResource> _byPath = [];
    private readonly Dictionary<(string ApiVersion, string Kind), ApiResource> _byKind = [];

    public ApiResourceCatalog(IEnumerable<ApiResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources)
        {
            _byPath[(resource.Group, resource.Version, resource.Plural)] = resource;
            _byKind[(resource.ApiVersion, resource.Kind)] = resource;
        }
    }

    public IEnumerable<ApiResource> Resources => _byPath.Values;

    /// <summary>The built-in resources (no CRDs).</summary>
    public static IReadOnlyList<ApiResource> BuiltIn { get; } =
    [
        new("", "v1", "namespaces", "Namespace", "NamespaceList", Namespaced: false, IsCustomResource: false,
            HasStatusSubresource: true, TracksGeneration: false, ["status.phase"], "/registry/namespaces") { ShortNames = ["ns"] },
        // The API server stores Nodes under their historical name, "minions".
        new("", "v1", "nodes", "Node", "NodeList", Namespaced: false, IsCustomResource: false,
            HasStatusSubresource: true, TracksGeneration: false, ["spec.unschedulable"], "/registry/minions"),
        new("", "v1", "pods", "Pod", "PodList", Namespaced: true, IsCustomResource: false,
            HasStatusSubresource: true, TracksGeneration: false,
            ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
                "status.phase", "status.podIP", "status.nominatedNodeName"],
            "/registry/pods") { ShortNames = ["po"], Categories = ["all"] },
        new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", "NetworkPolicyList", Namespaced: true,
            IsCustomResource: false, HasStatusSubresource: false, TracksGeneration: true, [], "/registry/networkpolicies") { ShortNames = ["netpol"] },
        // Read by sglambda doctor (the admission webhook's configuration).
        new("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration",
            "MutatingWebhookConfigurationList", Namespaced: false, IsCustomResource: false, HasStatusSubresource: false,
            TracksGeneration: true, [], "/registry/mutatingwebhookconfigurations"),
        // The CRDs the emulator was started with, for `kubectl get crds`; read-only, as files install them.
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", "CustomResourceDefinitionList",
            Namespaced: false, IsCustomResource: false, HasStatusSubresource: true, TracksGeneration: true, [],
            "/registry/apiextensions.k8s.io/customresourcedefinitions") { ShortNames = ["crd", "crds"], Categories = ["api-extensions"], ReadOnly = true },
        // kubectl auth can-i: a review answered at once, never stored.
        new("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", "SelfSubjectAccessReviewList",
            Namespaced: false, IsCustomResource: false, HasStatusSubresource: false, TracksGeneration: false, [],
            "/registry/selfsubjectaccessreviews") { ServedVerbs = ["create"] },
    ];

    /// <summary>The built-in resources plus every CRD found (recursively) under <paramref name="crdDirectory"/>.</summary>
    public static ApiResourceCatalog Load(string? crdDirectory)
    {
        var resources = new List<ApiResource>(BuiltIn);
        if (crdDirectory is not null) resources.AddRange(ReadCustomResourceDefinitions(crdDirectory));
        return new ApiResourceCatalog(resources);
    }

    /// <summary>Every served version of every CRD in the <c>*.yaml</c> files under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ApiResource> ReadCustomResourceDefinitions(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"CRD directory \"{directory}\" does not exist.");
        return Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => FromCrdYaml(File.ReadAllText(file), file))
            .ToList();
    }

    /// <summary>The served versions of the CustomResourceDefinitions in one YAML text.</summary>
    public static IEnumerable<ApiResource> FromCrdYaml(string yaml, string source)
    {
        foreach (var document in YamlToJson.ReadDocuments(yaml))
        {
            if (document is not JsonObject crd || crd["kind"]?.GetValue<string>() != "CustomResourceDefinition") continue;
            var spec = crd["spec"] as JsonObject ?? throw new InvalidDataException($"{source}: CRD has no spec");
            var group = Required(spec, "group", source);
            var names = spec["names"] as JsonObject ?? throw new InvalidDataException($"{source}: CRD has no spec.names");
            var plural = Required(names, "plural", source);
            var kind = Required(names, "kind", source);
            var listKind = names["listKind"]?.GetValue<string>() ?? kind + "List";
            var namespaced = string.Equals(Required(spec, "scope", source), "Namespaced", StringComparison.Ordinal);
            foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (version["served"]?.GetValue<bool>() != true) continue;
                var hasStatus = version["subresources"]?["status"] is not null;
                var selectable = (version["selectableFields"] as JsonArray ?? [])
                    .Select(field => field?["jsonPath"]?.GetValue<string>()?.TrimStart('.'))
                    .OfType<string>()
                    .ToList();
                yield return new ApiResource(group, Required(version, "name", source), plural, kind, listKind, namespaced,
                    IsCustomResource: true, hasStatus, TracksGeneration: true, selectable, $"/registry/{group}/{plural}")
                {
                    ShortNames = Strings(names["shortNames"]),
                    Categories = Strings(names["categories"]),
                    Singular = names["singular"]?.GetValue<string>(),
                    OpenApiV3Schema = version["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                };
            }
        }
    }

    /// <summary>The resource at <c>/apis/{group}/{version}/{plural}</c>, or null.</summary>
    public ApiResource? Find(string group, string version, string plural) =>
        _byPath.GetValueOrDefault((group, version, plural));

    /// <summary>The resource of a kind in an API version (<c>crd.projectcalico.org/v1</c>, <c>Tier</c>), or null.</summary>
    public ApiResource? FindKind(string apiVersion, string kind) =>
        _byKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>Like <see cref="FindKind"/>, but throws when the kind is not served.</summary>
    public ApiResource RequireKind(string apiVersion, string kind) =>
        FindKind(apiVersion, kind) ?? throw new ArgumentException($"no resource serves kind \"{kind}\" in version \"{apiVersion}\"");

    /// <summary>The CustomResourceDefinition objects in the <c>*.yaml</c> files under <paramref name="directory"/>, as stored.</summary>
    public static IReadOnlyList<JsonObject> ReadCustomResourceDefinitionObjects(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => YamlToJson.ReadDocuments(File.ReadAllText(file)))
            .OfType<JsonObject>()
            .Where(document => document["kind"]?.GetValue<string>() == "CustomResourceDefinition")
            .Select(document => (JsonObject)JsonNode.Parse(document.ToJsonString())!)
            .ToList();

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item?.GetValue<string>()).OfType<string>().ToList();

    private static string Required(JsonObject parent, string name, string source) =>
        parent[name]?.GetValue<string>() ?? throw new InvalidDataException($"{source}: CRD has no {name}");
}
