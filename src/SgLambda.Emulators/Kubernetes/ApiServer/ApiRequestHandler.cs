using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using YamlDotNet.Core;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The HTTP face of the emulator: routes Kubernetes REST requests to the <see cref="ResourceRegistry"/>,
/// decodes bodies and query options as the API server does, injects faults, counts requests, and answers
/// errors as <c>Status</c> objects.
/// </summary>
internal sealed class ApiRequestHandler(
    ResourceRegistry registry, FaultInjector faults, RequestCounters counters, string? bearerToken, Func<string> serverAddress)
{
    private const string JsonPatchType = "application/json-patch+json";
    private const string MergePatchType = "application/merge-patch+json";
    private const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    private const string ApplyPatchType = "application/apply-patch+yaml";
    private readonly RequestSeats _seats = new();
    private static readonly HashSet<string> TieredPolicyKinds = new(StringComparer.Ordinal)
    {
        "NetworkPolicy", "GlobalNetworkPolicy", "StagedNetworkPolicy", "StagedGlobalNetworkPolicy",
    };

    /// <summary>See <see cref="KubernetesApiEmulatorOptions.Calico3320ApplyCreateNotFound"/>.</summary>
    public bool Calico3320ApplyCreateNotFound { get; init; }

    /// <summary>The pod webhook registered now (see <see cref="KubernetesApiEmulator.PodWebhook"/>), null for none.</summary>
    public Func<MutatingPodWebhook?> PodWebhook { get; init; } = () => null;

    /// <summary>Cancelled when the emulator stops, so open watches end at once.</summary>
    public CancellationToken Stopping { get; init; }

    private OpenApiV3Documents? _openApi;

    public async Task HandleAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await ServeRequestAsync(context);
        }
        finally
        {
            counters.RecordServiceTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task ServeRequestAsync(HttpContext context)
    {
        var request = context.Request;
        try
        {
            // Health checks are public (system:public-info-viewer): served without credentials, refused with wrong ones.
            if (string.IsNullOrEmpty(request.Headers.Authorization.ToString()) && await ServeHealthAsync(context)) return;
            if (bearerToken is not null && !string.Equals(request.Headers.Authorization.ToString(), "Bearer " + bearerToken, StringComparison.Ordinal))
            {
                await WriteAsync(context, 401, KubernetesStatus.Unauthorized());
                return;
            }
            if (Discovery(request) is { } discovery)
            {
                await WriteAsync(context, 200, discovery);
                return;
            }
            if (await ServeHealthAsync(context) || await ServeOpenApiAsync(context)) return;
            var path = ApiPath.Parse(request.Path.Value ?? "", registry.Catalog);
            if (path is null || path.Subresource is not null || (path.Resource.Namespaced && path.Name is not null && path.Namespace is null))
            {
                await WriteAsync(context, 404, KubernetesStatus.PathNotFound());
                return;
            }
            var verb = Verb(request.Method, path, request.Query);
            if (verb is not null && !path.Resource.Verbs.Contains(verb))
            {
                await WriteAsync(context, 405, KubernetesStatus.MethodNotAllowed(path.Resource, verb));
                return;
            }
            if (verb is null)
            {
                await WriteAsync(context, 405, KubernetesStatus.MethodNotAllowed(path.Resource, request.Method.ToLowerInvariant()));
                return;
            }
            var key = new RequestKey(verb, path.Resource.Group, path.Resource.Plural);
            counters.Record(key);
            using var seat = _seats.Take(faults.ConcurrencyLimit);
            if (faults.Latency > TimeSpan.Zero) await Task.Delay(faults.Latency, context.RequestAborted);
            if ((seat.Granted ? faults.Next(key) : FaultKind.TooManyRequests) is { } fault)
            {
                await FailAsync(context, fault, path);
                return;
            }
            await ServeAsync(context, verb, path);
        }
        catch (StatusException error)
        {
            await WriteAsync(context, error.Code, error.Status);
        }
        catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
        {
            // What the API server's panic recovery answers; the message says what broke.
            await WriteAsync(context, 500, KubernetesStatus.InternalError(error.ToString()));
        }
    }

    private async Task ServeAsync(HttpContext context, string verb, ApiPath path)
    {
        var request = context.Request;
        var query = request.Query;
        var resource = path.Resource;
        switch (verb)
        {
            case "watch":
            {
                var options = ListOptionsOf(query);
                try
                {
                    options.FieldSelector.RequireSupported(resource);
                }
                catch (FormatException error)
                {
                    throw new StatusException(KubernetesStatus.BadRequest(error.Message));
                }
                await WatchStream.ServeAsync(context, registry, path, options, Stopping);
                return;
            }
            case "create" when resource is { Group: "authorization.k8s.io", Plural: "selfsubjectaccessreviews" }:
                await WriteAsync(context, 201, SelfSubjectAccessReviews.Answer(await ReadObjectAsync(request), registry.Catalog));
                return;
            case "get":
                await WriteAsync(context, 200, registry.Get(resource, path.Namespace, path.Name!));
                return;
            case "list":
                await WriteAsync(context, 200, registry.List(resource, path.Namespace, ListOptionsOf(query)));
                return;
            case "create":
            {
                RequireNamespaceInPath(path);
                var body = await ReadObjectAsync(request);
                var options = WriteOptionsOf(request, force: false);
                if (IsPod(resource))
                    body = await PodAdmissionCaller.AdmitAsync(PodWebhook(), "CREATE", path.Namespace!, body, null, options.DryRun, context.RequestAborted);
                var result = registry.Create(resource, path.Namespace, body, options);
                await WriteResultAsync(context, result, created: 201);
                return;
            }
            case "update":
            {
                var body = await ReadObjectAsync(request);
                var options = WriteOptionsOf(request, force: false);
                if (IsPod(resource))
                {
                    var existing = registry.Peek(resource, path.Namespace, path.Name!) ?? throw new StatusException(KubernetesStatus.NotFound(resource, path.Name!));
                    body = await PodAdmissionCaller.AdmitAsync(PodWebhook(), "UPDATE", path.Namespace!, body, existing, options.DryRun, context.RequestAborted);
                }
                var result = registry.Update(resource, path.Namespace, path.Name!, body, options);
                await WriteResultAsync(context, result, created: 201);
                return;
            }
            case "patch":
                await PatchAsync(context, path);
                return;
            case "delete":
            {
                var options = await ReadDeleteOptionsAsync(request);
                var dryRun = IsDryRun(query) || options?["dryRun"] is JsonArray { Count: > 0 };
                var preconditions = options?["preconditions"] as JsonObject;
                var answer = registry.Delete(resource, path.Namespace, path.Name!,
                    preconditions?["uid"]?.GetValue<string>(), preconditions?["resourceVersion"]?.GetValue<string>(), dryRun);
                await WriteAsync(context, 200, answer);
                return;
            }
            case "deletecollection":
                await WriteAsync(context, 200, registry.DeleteCollection(resource, path.Namespace, ListOptionsOf(query), IsDryRun(query)));
                return;
        }
    }

    // GET /healthz, /livez, /readyz (and their ?verbose forms): "ok" as text, as kube-apiserver answers.
    private static async Task<bool> ServeHealthAsync(HttpContext context)
    {
        var request = context.Request;
        var check = (request.Path.Value ?? "").Trim('/');
        if (!HttpMethods.IsGet(request.Method) || check is not ("healthz" or "livez" or "readyz")) return false;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        var body = request.Query.ContainsKey("verbose") ? $"[+]ping ok\n{check} check passed\n" : "ok";
        await context.Response.WriteAsync(body, context.RequestAborted);
        return true;
    }

    private async Task<bool> ServeOpenApiAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !(request.Path.Value ?? "").StartsWith("/openapi/", StringComparison.Ordinal)) return false;
        _openApi ??= new OpenApiV3Documents(registry.Catalog);
        if (_openApi.Find(request.Path.Value!) is not { } document)
        {
            // kube-apiserver serves /openapi/v2 too; kubectl falls back to it only when v3 is missing.
            await WriteAsync(context, 404, KubernetesStatus.Unknown(404,
                $"the emulator serves OpenAPI v3 only (/openapi/v3 and /openapi/v3/apis/<group>/<version>), not {request.Path.Value}"));
            return true;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(document, context.RequestAborted);
        return true;
    }

    private async Task PatchAsync(HttpContext context, ApiPath path)
    {
        var request = context.Request;
        var resource = path.Resource;
        var contentType = (request.ContentType ?? "").Split(';')[0].Trim();
        var accepted = resource.IsCustomResource
            ? new[] { JsonPatchType, MergePatchType, ApplyPatchType }
            : [JsonPatchType, MergePatchType, StrategicMergePatchType, ApplyPatchType];
        if (!accepted.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            throw new StatusException(KubernetesStatus.UnsupportedMediaType(accepted));
        var apply = string.Equals(contentType, ApplyPatchType, StringComparison.OrdinalIgnoreCase);

        // validation.ValidatePatchOptions runs before the object is looked up.
        var causes = new List<StatusCause>();
        if (apply && string.IsNullOrEmpty(request.Query["fieldManager"]))
            causes.Add(new StatusCause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager"));
        if (!apply && request.Query.ContainsKey("force"))
            causes.Add(new StatusCause("FieldValueForbidden", "Forbidden: may not be specified for non-apply patch", "force"));
        if (causes.Count > 0) throw new StatusException(KubernetesStatus.Invalid("meta.k8s.io", "PatchOptions", "", causes));

        var text = await ReadTextAsync(request);
        var force = ParseBool(request.Query["force"], "force");
        var options = WriteOptionsOf(request, force);
        WriteResult result;
        if (apply)
        {
            JsonObject applied;
            try
            {
                applied = ReadYaml(text) as JsonObject
                    ?? throw new StatusException(KubernetesStatus.BadRequest("error decoding YAML: the applied configuration is not an object"));
            }
            catch (Exception error) when (error is YamlException or InvalidOperationException)
            {
                throw new StatusException(KubernetesStatus.BadRequest($"error decoding YAML: {error.Message}"));
            }
            if (Calico3320ApplyCreateNotFound && resource.Group == "projectcalico.org" && TieredPolicyKinds.Contains(resource.Kind)
                && registry.Peek(resource, path.Namespace, path.Name!) is null)
            {
                // Calico 3.32.0's tier authorizer reads the existing policy before the store would create it.
                throw new StatusException(KubernetesStatus.NotFound(resource, path.Name!));
            }
            result = registry.Apply(resource, path.Namespace, path.Name!, applied, options);
        }
        else
        {
            JsonNode? patch;
            try
            {
                patch = JsonNode.Parse(text);
            }
            catch (JsonException error)
            {
                throw new StatusException(KubernetesStatus.BadRequest($"error decoding patch: {error.Message}"));
            }
            var jsonPatch = string.Equals(contentType, JsonPatchType, StringComparison.OrdinalIgnoreCase);
            if (!jsonPatch && patch is not JsonObject)
                throw new StatusException(KubernetesStatus.BadRequest("error decoding patch: the patch is not a JSON object"));
            JsonNode? Patched(JsonObject existing)
            {
                if (!jsonPatch) return JsonMergePatch.Apply(existing, patch);
                try
                {
                    return JsonPatch.Apply(existing, patch);
                }
                catch (FormatException error)
                {
                    throw new StatusException(KubernetesStatus.BadRequest(error.Message));
                }
                catch (JsonPatchException)
                {
                    // The API server answers a patch that does not apply with a generic 422 (NewGenericServerResponse).
                    throw new StatusException(KubernetesStatus.PatchDoesNotApply());
                }
            }
            if (IsPod(resource) && PodWebhook() is { } webhook)
            {
                // The webhook sees the patched pod; the admitted pod is written only over the version it was made from.
                var existing = registry.Peek(resource, path.Namespace, path.Name!) ?? throw new StatusException(KubernetesStatus.NotFound(resource, path.Name!));
                if (Patched((JsonObject)existing.DeepClone()) is not JsonObject candidate)
                    throw new StatusException(KubernetesStatus.BadRequest("the patched object is not a JSON object"));
                var admitted = await PodAdmissionCaller.AdmitAsync(webhook, "UPDATE", path.Namespace!, candidate, existing, options.DryRun, context.RequestAborted);
                var version = existing["metadata"]?["resourceVersion"]?.GetValue<string>();
                result = registry.Patch(resource, path.Namespace, path.Name!, current =>
                    current["metadata"]?["resourceVersion"]?.GetValue<string>() == version
                        ? admitted
                        : throw new StatusException(KubernetesStatus.Conflict(resource, path.Name!, "the object has been modified; please apply your changes to the latest version and try again")), options);
            }
            else
            {
                result = registry.Patch(resource, path.Namespace, path.Name!, Patched, options);
            }
        }
        await WriteResultAsync(context, result, created: 201);
    }

    private async Task FailAsync(HttpContext context, FaultKind fault, ApiPath path)
    {
        faults.RecordInjected(fault);
        switch (fault)
        {
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WriteAsync(context, 429, KubernetesStatus.TooManyRequests("Too many requests, please try again later.", faults.RetryAfterSeconds));
                return;
            case FaultKind.InternalError:
                await WriteAsync(context, 500, KubernetesStatus.InternalError($"injected fault on {path.Resource.GroupResource}"));
                return;
            case FaultKind.ServiceUnavailable:
                await WriteAsync(context, 503, KubernetesStatus.ServiceUnavailable("the server is currently unable to handle the request"));
                return;
            default:
                try
                {
                    await Task.Delay(faults.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                await WriteAsync(context, 504, KubernetesStatus.Timeout("request did not complete within requested timeout - context deadline exceeded"));
                return;
        }
    }

    private static string? Verb(string method, ApiPath path, IQueryCollection query) => method switch
    {
        "GET" when path.Name is not null => "get",
        "GET" when IsTrue(query["watch"]) => "watch",
        "GET" => "list",
        "POST" when path.Name is null => "create",
        "PUT" when path.Name is not null => "update",
        "PATCH" when path.Name is not null => "patch",
        "DELETE" when path.Name is not null => "delete",
        "DELETE" => "deletecollection",
        _ => null,
    };

    private static bool IsPod(ApiResource resource) => resource.Group.Length == 0 && resource.Plural == "pods";

    private static void RequireNamespaceInPath(ApiPath path)
    {
        if (path.Resource.Namespaced && path.Namespace is null)
            throw new StatusException(KubernetesStatus.PathNotFound());
    }

    private static ListOptions ListOptionsOf(IQueryCollection query)
    {
        try
        {
            int? limit = null;
            if (query["limit"] is { Count: > 0 } limitText && !string.IsNullOrEmpty(limitText[0]))
            {
                if (!int.TryParse(limitText[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    throw new StatusException(KubernetesStatus.BadRequest($"strconv.ParseInt: parsing {KubernetesStatus.GoQuote(limitText[0]!)}: invalid syntax"));
                limit = parsed;
            }
            return new ListOptions(
                LabelSelector.Parse(query["labelSelector"]),
                FieldSelector.Parse(query["fieldSelector"]),
                limit,
                query["continue"].ToString() is { Length: > 0 } token ? token : null);
        }
        catch (FormatException error)
        {
            throw new StatusException(KubernetesStatus.BadRequest(error.Message));
        }
    }

    private static WriteOptions WriteOptionsOf(HttpRequest request, bool force)
    {
        var fieldValidation = request.Query["fieldValidation"].ToString();
        if (fieldValidation.Length == 0) fieldValidation = WriteOptions.Warn;
        if (fieldValidation is not (WriteOptions.Strict or WriteOptions.Warn or WriteOptions.Ignore))
        {
            throw new StatusException(KubernetesStatus.Invalid("meta.k8s.io", "UpdateOptions", "",
                [new StatusCause("FieldValueNotSupported",
                    $"Unsupported value: {KubernetesStatus.GoQuote(fieldValidation)}: supported values: \"Ignore\", \"Strict\", \"Warn\"", "fieldValidation")]));
        }
        var manager = request.Query["fieldManager"].ToString();
        if (manager.Length == 0) manager = ManagerFromUserAgent(request.Headers.UserAgent.ToString());
        return new WriteOptions(IsDryRun(request.Query), manager, fieldValidation, force);
    }

    // managerOrUserAgent: the User-Agent up to its first '/', printable characters only, at most 128.
    private static string ManagerFromUserAgent(string userAgent)
    {
        var prefix = userAgent.Split('/')[0];
        return new string(prefix.Where(character => !char.IsControl(character)).Take(128).ToArray());
    }

    private static bool IsDryRun(IQueryCollection query) => query["dryRun"].Any(value => string.Equals(value, "All", StringComparison.Ordinal));

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && (string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value[0], "1", StringComparison.Ordinal));

    private static bool ParseBool(Microsoft.Extensions.Primitives.StringValues value, string name)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value[0])) return false;
        return value[0]!.ToUpperInvariant() switch
        {
            "TRUE" or "1" or "T" => true,
            "FALSE" or "0" or "F" => false,
            _ => throw new StatusException(KubernetesStatus.BadRequest($"strconv.ParseBool: parsing {KubernetesStatus.GoQuote(value[0]!)}: invalid syntax ({name})")),
        };
    }

    private static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        if ((request.ContentType ?? "").StartsWith(KubernetesProtobuf.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return KubernetesProtobuf.Decode(buffer.ToArray());
        }
        var text = await ReadTextAsync(request);
        var yaml = (request.ContentType ?? "").StartsWith("application/yaml", StringComparison.OrdinalIgnoreCase);
        try
        {
            var node = yaml ? ReadYaml(text) : JsonNode.Parse(text);
            return node as JsonObject ?? throw new StatusException(KubernetesStatus.BadRequest("the request body is not a JSON object"));
        }
        catch (Exception error) when (error is JsonException or YamlException or InvalidOperationException)
        {
            throw new StatusException(KubernetesStatus.BadRequest($"couldn't get version/kind; json parse error: {error.Message}"));
        }
    }

    // One YAML document, re-read as JSON text so its values behave as decoded JSON (a YAML 1 is a JSON number).
    private static JsonNode? ReadYaml(string text) =>
        YamlToJson.ReadDocuments(text).SingleOrDefault() is { } node ? JsonNode.Parse(node.ToJsonString()) : null;

    private static async Task<JsonObject?> ReadDeleteOptionsAsync(HttpRequest request)
    {
        var text = await ReadTextAsync(request);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new StatusException(KubernetesStatus.BadRequest("DeleteOptions must be a JSON object"));
        }
        catch (JsonException error)
        {
            throw new StatusException(KubernetesStatus.BadRequest(error.Message));
        }
    }

    private static async Task WriteResultAsync(HttpContext context, WriteResult result, int created)
    {
        foreach (var warning in result.Warnings)
        {
            context.Response.Headers.Append("Warning", "299 - " + KubernetesStatus.GoQuote(warning));
        }
        await WriteAsync(context, result.Created ? created : 200, result.Object);
    }

    private static async Task WriteAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    // The discovery documents kubectl and client libraries read before they touch resources.
    private JsonObject? Discovery(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method)) return null;
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resources = registry.Catalog.Resources.ToList();
        switch (segments)
        {
            case ["version"]:
                return new JsonObject
                {
                    ["major"] = "1",
                    ["minor"] = "33",
                    ["gitVersion"] = "v1.33.0-sglambda-emulator",
                    ["platform"] = "linux/amd64",
                };
            case ["api"]:
                return new JsonObject
                {
                    ["kind"] = "APIVersions",
                    ["versions"] = new JsonArray("v1"),
                    ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress() }),
                };
            case ["apis"]:
                var groups = new JsonArray();
                foreach (var group in resources.Where(resource => resource.Group.Length > 0).GroupBy(resource => resource.Group).OrderBy(group => group.Key, StringComparer.Ordinal))
                {
                    var versions = group.Select(resource => resource.Version).Distinct().Order(StringComparer.Ordinal)
                        .Select(version => (JsonNode)new JsonObject { ["groupVersion"] = $"{group.Key}/{version}", ["version"] = version }).ToArray();
                    groups.Add((JsonNode)new JsonObject
                    {
                        ["name"] = group.Key,
                        ["versions"] = new JsonArray(versions),
                        ["preferredVersion"] = versions[0].DeepClone(),
                    });
                }
                return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
            case ["api", var coreVersion]:
                return ResourceList("", coreVersion, resources);
            case ["apis", var group, var version]:
                return ResourceList(group, version, resources);
            default:
                return null;
        }
    }

    private static JsonObject? ResourceList(string group, string version, List<ApiResource> resources)
    {
        var served = resources.Where(resource => resource.Group == group && resource.Version == version).OrderBy(resource => resource.Plural, StringComparer.Ordinal).ToList();
        if (served.Count == 0) return null;
        var list = new JsonArray();
        foreach (var resource in served)
        {
            var entry = new JsonObject
            {
                ["name"] = resource.Plural,
                ["singularName"] = resource.Singular ?? resource.Kind.ToLowerInvariant(),
                ["namespaced"] = resource.Namespaced,
                ["kind"] = resource.Kind,
                ["verbs"] = new JsonArray(resource.Verbs.Select(verb => (JsonNode)verb).ToArray()),
            };
            // APIResource's shortNames and categories are omitempty.
            if (resource.ShortNames.Count > 0) entry["shortNames"] = new JsonArray(resource.ShortNames.Select(name => (JsonNode)name).ToArray());
            if (resource.Categories.Count > 0) entry["categories"] = new JsonArray(resource.Categories.Select(name => (JsonNode)name).ToArray());
            list.Add((JsonNode)entry);
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = list,
        };
    }
}
