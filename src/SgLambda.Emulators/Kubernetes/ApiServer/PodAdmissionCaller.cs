using System.Text;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The API server's side of a <see cref="MutatingPodWebhook"/> call: the AdmissionReview request (the wire shape of
/// the Kubernetes "Dynamic Admission Control" documentation), and the answer applied: the JSONPatch, or the denial
/// as <c>admission webhook "NAME" denied the request: MESSAGE</c>.
/// </summary>
internal static class PodAdmissionCaller
{
    /// <summary>The admitted pod: <paramref name="candidate"/> patched by the webhook, or unchanged when it was not called or failed open.</summary>
    public static async Task<JsonObject> AdmitAsync(MutatingPodWebhook? webhook, string operation, string objectNamespace, JsonObject candidate,
        JsonObject? existing, bool dryRun, CancellationToken cancellationToken)
    {
        if (webhook is null || webhook.ExcludedNamespaces.Contains(objectNamespace)) return candidate;
        var uid = Guid.NewGuid().ToString();
        var pod = (JsonObject)candidate.DeepClone();
        if (pod["metadata"] is JsonObject metadata && metadata["namespace"] is null) metadata["namespace"] = objectNamespace;
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = uid,
                ["kind"] = Kind(),
                ["resource"] = Resource(),
                ["requestKind"] = Kind(),
                ["requestResource"] = Resource(),
                ["name"] = pod["metadata"]?["name"]?.DeepClone(),
                ["namespace"] = objectNamespace,
                ["operation"] = operation,
                ["userInfo"] = new JsonObject { ["username"] = "system:admin", ["groups"] = new JsonArray("system:masters", "system:authenticated") },
                ["object"] = pod.DeepClone(),
                ["oldObject"] = existing?.DeepClone(),
                ["dryRun"] = dryRun,
                ["options"] = new JsonObject
                {
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["kind"] = operation == "CREATE" ? "CreateOptions" : "UpdateOptions",
                },
            },
        };

        JsonObject? response;
        try
        {
            var answer = await webhook.Call(review, cancellationToken);
            response = answer["response"] as JsonObject;
            if (response is null || response["uid"]?.GetValue<string>() != uid)
                throw new InvalidOperationException("the answer is not a response to this review");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            if (webhook.FailOpen) return candidate;
            throw new StatusException(KubernetesStatus.InternalError(
                $"Internal error occurred: failed calling webhook \"{webhook.Name}\": {error.Message}"));
        }

        if (response["allowed"]?.GetValue<bool>() != true)
        {
            var status = response["status"] as JsonObject;
            var code = status?["code"]?.GetValue<int>() is { } given and >= 400 ? given : 400;
            var message = $"admission webhook \"{webhook.Name}\" denied the request: {status?["message"]?.GetValue<string>() ?? "without explanation"}";
            throw new StatusException(code == 400 ? KubernetesStatus.BadRequest(message) : KubernetesStatus.Unknown(code, message));
        }
        if (response["patch"]?.GetValue<string>() is not { Length: > 0 } patch) return pod;
        if (response["patchType"]?.GetValue<string>() != "JSONPatch")
            throw new StatusException(KubernetesStatus.InternalError($"Internal error occurred: webhook \"{webhook.Name}\" answered an unknown patchType"));
        try
        {
            return JsonPatch.Apply(pod, JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(patch)))) as JsonObject
                ?? throw new StatusException(KubernetesStatus.InternalError("Internal error occurred: the patched pod is not an object"));
        }
        catch (Exception error) when (error is FormatException or JsonPatchException or System.Text.Json.JsonException)
        {
            throw new StatusException(KubernetesStatus.InternalError($"Internal error occurred: webhook \"{webhook.Name}\"'s patch does not apply: {error.Message}"));
        }
    }

    private static JsonObject Kind() => new() { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" };

    private static JsonObject Resource() => new() { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" };
}
