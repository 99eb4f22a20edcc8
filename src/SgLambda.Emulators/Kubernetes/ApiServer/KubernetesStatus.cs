using System.Globalization;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// Kubernetes <c>Status</c> objects, built exactly as k8s.io/apimachinery/pkg/api/errors builds them
/// (<c>NewNotFound</c>, <c>NewAlreadyExists</c>, <c>NewConflict</c>, <c>NewApplyConflict</c>, <c>NewInvalid</c>,
/// <c>NewBadRequest</c>, ...), with the JSON field order the API server prints.
/// </summary>
public static class KubernetesStatus
{
    /// <summary>The optimistic-concurrency message of a PUT with a stale <c>metadata.resourceVersion</c>.</summary>
    public const string OptimisticLockMessage =
        "the object has been modified; please apply your changes to the latest version and try again";

    public static JsonObject NotFound(ApiResource resource, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Failure(404, "NotFound", $"{resource.GroupResource} {GoQuote(name)} not found",
            Details(resource.Group, resource.Plural, name));
    }

    /// <summary>The NotFound of a namespaced create or apply whose namespace does not exist.</summary>
    public static JsonObject NamespaceNotFound(string namespaceName) =>
        Failure(404, "NotFound", $"namespaces {GoQuote(namespaceName)} not found", Details("", "namespaces", namespaceName));

    /// <summary>The answer to a path that names no resource.</summary>
    public static JsonObject PathNotFound() =>
        Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static JsonObject AlreadyExists(ApiResource resource, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Failure(409, "AlreadyExists", $"{resource.GroupResource} {GoQuote(name)} already exists",
            Details(resource.Group, resource.Plural, name));
    }

    public static JsonObject Conflict(ApiResource resource, string name, string error)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Failure(409, "Conflict", $"Operation cannot be fulfilled on {resource.GroupResource} {GoQuote(name)}: {error}",
            Details(resource.Group, resource.Plural, name));
    }

    /// <summary>A server-side apply conflict: no name in the details, one cause per conflicting field.</summary>
    public static JsonObject ApplyConflict(IReadOnlyList<StatusCause> causes, string message)
    {
        ArgumentNullException.ThrowIfNull(causes);
        return Failure(409, "Conflict", message, Details("", "", "", causes));
    }

    /// <summary>
    /// A 422 Invalid: <c>"&lt;Kind.group&gt; "&lt;name&gt;" is invalid: &lt;errors&gt;"</c>; one error prints bare, several
    /// as <c>[e1, e2]</c>. Each cause's message is the error without its field (Go's <c>ErrorBody</c>).
    /// </summary>
    public static JsonObject Invalid(string group, string kind, string name, IReadOnlyList<StatusCause> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var errors = causes.Select(cause => string.IsNullOrEmpty(cause.Field) ? cause.Message : $"{cause.Field}: {cause.Message}").ToList();
        var aggregate = errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]";
        var groupKind = group.Length == 0 ? kind : $"{kind}.{group}";
        return Failure(422, "Invalid", $"{groupKind} {GoQuote(name)} is invalid: {aggregate}", Details(group, kind, name, causes));
    }

    /// <summary>The 422 of a JSON patch that does not apply (<c>NewGenericServerResponse(422, ...)</c>, which hides the reason).</summary>
    public static JsonObject PatchDoesNotApply() =>
        Failure(422, "Invalid", "the server rejected our request due to an error in our request", new JsonObject());

    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message, null);

    public static JsonObject Unauthorized() => Failure(401, "Unauthorized", "Unauthorized", null);

    public static JsonObject MethodNotAllowed(ApiResource resource, string action)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Failure(405, "MethodNotAllowed", $"{action} is not supported on resources of kind {GoQuote(resource.GroupResource)}",
            Details(resource.Group, resource.Plural, ""));
    }

    /// <summary>410 Expired (<c>NewResourceExpired</c>): a continue token older than the retained history.</summary>
    public static JsonObject Expired(string message) => Failure(410, "Expired", message, null);

    public static JsonObject UnsupportedMediaType(IEnumerable<string> accepted) =>
        Failure(415, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: " + string.Join(", ", accepted), null);

    public static JsonObject TooManyRequests(string message, int retryAfterSeconds) =>
        Failure(429, "TooManyRequests", message, new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds });

    public static JsonObject InternalError(string error) =>
        Failure(500, "InternalError", $"Internal error occurred: {error}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = error }) });

    /// <summary>A plain error the API server did not convert to a Status: code 500, no reason.</summary>
    public static JsonObject Unknown(int code, string message) => Failure(code, null, message, null);

    public static JsonObject ServiceUnavailable(string message) => Failure(503, "ServiceUnavailable", message, null);

    /// <summary>504 Timeout (<c>NewTimeoutError</c>).</summary>
    public static JsonObject Timeout(string message) =>
        Failure(504, "Timeout", $"Timeout: {message}", new JsonObject());

    /// <summary>Kubernetes' <c>Status</c> with <c>status: Success</c>, as returned by deletes that return no object.</summary>
    public static JsonObject Success(ApiResource resource, string name, string uid)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var details = Details(resource.Group, resource.Plural, name);
        details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    /// <summary>Go's <c>%q</c> for the names and messages the API server quotes.</summary>
    public static string GoQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(character)) quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)character:x2}");
                    else quoted.Append(character);
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    private static JsonObject Details(string group, string kind, string name, IReadOnlyList<StatusCause>? causes = null)
    {
        // StatusDetails fields are all omitempty.
        var details = new JsonObject();
        if (name.Length != 0) details["name"] = name;
        if (group.Length != 0) details["group"] = group;
        if (kind.Length != 0) details["kind"] = kind;
        if (causes is { Count: > 0 })
        {
            var array = new JsonArray();
            foreach (var cause in causes)
            {
                var item = new JsonObject();
                if (!string.IsNullOrEmpty(cause.Reason)) item["reason"] = cause.Reason;
                if (!string.IsNullOrEmpty(cause.Message)) item["message"] = cause.Message;
                if (!string.IsNullOrEmpty(cause.Field)) item["field"] = cause.Field;
                array.Add((JsonNode)item);
            }
            details["causes"] = array;
        }
        return details;
    }

    private static JsonObject Failure(int code, string? reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
        };
        if (reason is not null) status["reason"] = reason;
        if (details is not null) status["details"] = details;
        status["code"] = code;
        return status;
    }
}
