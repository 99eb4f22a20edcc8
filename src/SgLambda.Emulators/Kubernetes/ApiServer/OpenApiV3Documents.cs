using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The API server's OpenAPI v3 discovery, which kubectl reads before <c>apply</c>, <c>create -f</c> and
/// <c>replace</c> (to learn that the server validates fields itself, <c>fieldValidation</c> on the PATCH
/// operation) and for <c>explain</c>:
/// <list type="bullet">
/// <item><c>/openapi/v3</c>: <c>{"paths": {"apis/&lt;group&gt;/&lt;version&gt;": {"serverRelativeURL": ...?hash=...}}}</c>.</item>
/// <item><c>/openapi/v3/apis/&lt;group&gt;/&lt;version&gt;</c> (<c>/openapi/v3/api/v1</c> for the core group): one document
/// per group version, with the REST paths of its resources and, for custom resources, the schema of each kind.</item>
/// </list>
/// The shape follows apiextensions-apiserver's <c>controller/openapi/builder</c>: each kind's schema is its CRD's
/// <c>openAPIV3Schema</c> under the reversed-group name (<c>org.projectcalico.v3.GlobalNetworkPolicy</c>), with
/// <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> (an <c>allOf</c> reference to ObjectMeta) and
/// <c>x-kubernetes-group-version-kind</c>, plus a List schema; each operation carries
/// <c>x-kubernetes-action</c> and <c>x-kubernetes-group-version-kind</c>.
/// Simpler than the API server: built-in kinds have paths but no schemas (the emulator has none to give),
/// and the ObjectMeta and ListMeta schemas the kinds refer to are not included.
/// </summary>
internal sealed class OpenApiV3Documents
{
    private const string ApiVersionDescription =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    private const string KindDescription =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    private const string MetadataDescription =
        "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    private const string ListMetadataDescription =
        "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    private const string SchemaPrefix = "#/components/schemas/";

    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly string _index;

    public OpenApiV3Documents(ApiResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var paths = new JsonObject();
        foreach (var groupVersion in catalog.Resources
                     .Where(resource => resource.ServedVerbs is null)
                     .GroupBy(resource => resource.Group.Length == 0 ? $"api/{resource.Version}" : $"apis/{resource.Group}/{resource.Version}")
                     .OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var document = Document(groupVersion.OrderBy(resource => resource.Plural, StringComparer.Ordinal).ToList()).ToJsonString();
            _documents[groupVersion.Key] = document;
            var hash = Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(document)));
            paths[groupVersion.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{groupVersion.Key}?hash={hash}" };
        }
        _index = new JsonObject { ["paths"] = paths }.ToJsonString();
    }

    /// <summary>The document at <paramref name="path"/> (<c>/openapi/v3</c> or one group version's), or null.</summary>
    public string? Find(string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed == "openapi/v3") return _index;
        return trimmed.StartsWith("openapi/v3/", StringComparison.Ordinal)
            ? _documents.GetValueOrDefault(trimmed["openapi/v3/".Length..])
            : null;
    }

    /// <summary>util.ToRESTFriendlyName of group/version/kind: <c>projectcalico.org/v3/Tier</c> becomes <c>org.projectcalico.v3.Tier</c>.</summary>
    public static string SchemaName(string group, string version, string kind) =>
        string.Join('.', group.Split('.', StringSplitOptions.RemoveEmptyEntries).Reverse().Append(version).Append(kind));

    private static JsonObject Document(IReadOnlyList<ApiResource> resources)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var resource in resources)
        {
            AddPaths(paths, resource);
            if (resource.OpenApiV3Schema is { } schema)
            {
                schemas[SchemaName(resource.Group, resource.Version, resource.Kind)] = KindSchema(resource, schema);
                schemas[SchemaName(resource.Group, resource.Version, resource.ListKind)] = ListSchema(resource);
            }
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes CRD Swagger", ["version"] = "v0.1.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    // buildKubeNative: the CRD's schema, with TypeMeta's apiVersion and kind, ObjectMeta by reference, and the GVK.
    private static JsonObject KindSchema(ApiResource resource, JsonObject crdSchema)
    {
        var schema = (JsonObject)crdSchema.DeepClone();
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" };
        properties["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" };
        properties["metadata"] = Reference("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", MetadataDescription);
        schema["x-kubernetes-group-version-kind"] = GroupVersionKind(resource, resource.Kind);
        return schema;
    }

    private static JsonObject ListSchema(ApiResource resource) => new()
    {
        ["description"] = $"{resource.ListKind} is a list of {resource.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" },
            ["items"] = new JsonObject
            {
                ["description"] = $"List of {resource.Plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md",
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = SchemaPrefix + SchemaName(resource.Group, resource.Version, resource.Kind) },
            },
            ["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" },
            ["metadata"] = Reference("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", ListMetadataDescription),
        },
        ["x-kubernetes-group-version-kind"] = GroupVersionKind(resource, resource.ListKind),
    };

    // kube-openapi writes a described reference as allOf around the $ref (OpenAPI 3.0 ignores $ref siblings).
    private static JsonObject Reference(string name, string description) => new()
    {
        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = SchemaPrefix + name }),
        ["default"] = new JsonObject(),
        ["description"] = description,
    };

    private static JsonArray GroupVersionKind(ApiResource resource, string kind) =>
        new(new JsonObject { ["group"] = resource.Group, ["kind"] = kind, ["version"] = resource.Version });

    // The routes generateBuilder registers: list (and list across namespaces), create, deletecollection,
    // and get, replace, delete, patch by name; writes take dryRun, fieldManager and fieldValidation.
    private static void AddPaths(JsonObject paths, ApiResource resource)
    {
        var prefix = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        var scope = resource.Namespaced ? "Namespaced" : "";
        var root = resource.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{prefix}/{resource.Plural}";
        var schema = resource.OpenApiV3Schema is null ? null : SchemaName(resource.Group, resource.Version, resource.Kind);
        var listSchema = resource.OpenApiV3Schema is null ? null : SchemaName(resource.Group, resource.Version, resource.ListKind);
        if (resource.Namespaced)
        {
            paths[$"{prefix}/{resource.Plural}"] = new JsonObject
            {
                ["get"] = Operation(resource, "list", $"list{resource.Kind}ForAllNamespaces", listSchema, ListParameters()),
            };
        }
        var collection = new JsonObject
        {
            ["get"] = Operation(resource, "list", $"list{scope}{resource.Kind}", listSchema, ListParameters()),
        };
        var item = new JsonObject
        {
            ["get"] = Operation(resource, "get", $"read{scope}{resource.Kind}", schema, []),
        };
        if (!resource.ReadOnly)
        {
            collection["post"] = Operation(resource, "post", $"create{scope}{resource.Kind}", schema, WriteParameters(patch: false));
            collection["delete"] = Operation(resource, "deletecollection", $"deletecollection{scope}{resource.Kind}", null, ListParameters());
            item["put"] = Operation(resource, "put", $"replace{scope}{resource.Kind}", schema, WriteParameters(patch: false));
            item["delete"] = Operation(resource, "delete", $"delete{scope}{resource.Kind}", null, [Query("dryRun")]);
            item["patch"] = Operation(resource, "patch", $"patch{scope}{resource.Kind}", schema, WriteParameters(patch: true));
        }
        var pathParameters = new JsonArray();
        if (resource.Namespaced) pathParameters.Add(PathParameter("namespace"));
        collection["parameters"] = pathParameters.DeepClone();
        pathParameters.Add(PathParameter("name"));
        item["parameters"] = pathParameters;
        paths[root] = collection;
        paths[root + "/{name}"] = item;
    }

    private static JsonObject Operation(ApiResource resource, string action, string operationId, string? schema, JsonArray parameters)
    {
        var content = new JsonObject();
        foreach (var mediaType in new[] { "application/json", "application/yaml" })
        {
            content[mediaType] = schema is null
                ? new JsonObject()
                : new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaPrefix + schema } };
        }
        return new JsonObject
        {
            ["operationId"] = operationId,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = content },
                ["401"] = new JsonObject { ["description"] = "Unauthorized" },
            },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = resource.Group, ["kind"] = resource.Kind, ["version"] = resource.Version },
        };
    }

    private static JsonArray ListParameters() =>
        new(Query("continue"), Query("fieldSelector"), Query("labelSelector"), Query("limit", "integer"), Query("resourceVersion"),
            Query("timeoutSeconds", "integer"), Query("watch", "boolean"));

    private static JsonArray WriteParameters(bool patch)
    {
        var parameters = new JsonArray(Query("dryRun"), Query("fieldManager"), Query("fieldValidation"));
        if (patch) parameters.Add(Query("force", "boolean"));
        return parameters;
    }

    private static JsonObject Query(string name, string type = "string") => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static JsonObject PathParameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}
