using System.Globalization;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The API server's side of a <see cref="PodMutatingWebhook"/> (Kubernetes "Dynamic Admission Control"): an
/// AdmissionReview v1 request for the pod, then the answer's JSONPatch applied to it, or the request refused
/// with the webhook's status (<c>admission webhook "NAME" denied the request: MESSAGE</c>, at least 400, as
/// apiserver's <c>webhookerrors.ToStatusErr</c> words it). A webhook that throws fails the request with
/// <c>failed calling webhook</c> (500), unless it fails open.
/// </summary>
internal static class PodMutatingWebhookCallout
{
    private static long reviews;

    public static async Task<JsonObject> AdmitAsync(
        PodMutatingWebhook webhook, string operation, string objectNamespace, JsonObject pod, JsonObject? old, bool dryRun, CancellationToken cancellationToken)
    {
        if (webhook.SkippedNamespaces.Contains(objectNamespace)) return pod;
        var uid = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{Interlocked.Increment(ref reviews):D12}");
        var podKind = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Pod" };
        var podResource = new JsonObject { ["group"] = "", ["version"] = "v1", ["resource"] = "pods" };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = podKind,
            ["resource"] = podResource,
            ["requestKind"] = podKind.DeepClone(),
            ["requestResource"] = podResource.DeepClone(),
            ["name"] = pod["metadata"]?["name"]?.DeepClone(),
            ["namespace"] = objectNamespace,
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "sglambda-emulator" },
            ["object"] = pod.DeepClone(),
            ["oldObject"] = old?.DeepClone(),
            ["dryRun"] = dryRun,
            ["options"] = new JsonObject
            {
                ["apiVersion"] = "meta.k8s.io/v1",
                ["kind"] = operation == "CREATE" ? "CreateOptions" : "UpdateOptions",
            },
        };
        var review = new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };

        JsonObject response;
        try
        {
            var answer = await webhook.Review(review, cancellationToken);
            response = answer["response"] as JsonObject ?? throw new InvalidOperationException("the AdmissionReview it answered has no response");
            if (response["uid"]?.GetValue<string>() != uid)
                throw new InvalidOperationException($"expected response.uid={KubernetesStatus.GoQuote(uid)}, got {KubernetesStatus.GoQuote(response["uid"]?.ToString() ?? "")}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            if (webhook.FailOpen) return pod;
            throw new StatusException(KubernetesStatus.InternalError($"failed calling webhook {KubernetesStatus.GoQuote(webhook.Name)}: {error.Message}"));
        }

        if (response["allowed"]?.GetValue<bool>() != true) throw new StatusException(Denied(webhook.Name, response["status"] as JsonObject));
        if (response["patch"]?.GetValue<string>() is not { Length: > 0 } patch) return pod;
        if (response["patchType"]?.GetValue<string>() != "JSONPatch")
            throw new StatusException(KubernetesStatus.InternalError($"failed calling webhook {KubernetesStatus.GoQuote(webhook.Name)}: unsupported patch type {response["patchType"]}"));
        try
        {
            var operations = JsonNode.Parse(Convert.FromBase64String(patch));
            return JsonPatch.Apply(pod.DeepClone(), operations) as JsonObject
                ?? throw new InvalidOperationException("the patched pod is not an object");
        }
        catch (Exception error) when (error is FormatException or JsonPatchException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new StatusException(KubernetesStatus.InternalError($"JSON Patch from webhook {KubernetesStatus.GoQuote(webhook.Name)}: {error.Message}"));
        }
    }

    private static JsonObject Denied(string name, JsonObject? status)
    {
        var deniedBy = $"admission webhook {KubernetesStatus.GoQuote(name)} denied the request";
        var code = status?["code"]?.GetValue<int>() ?? 0;
        var message = status?["message"]?.GetValue<string>();
        var reason = status?["reason"]?.GetValue<string>();
        var text = !string.IsNullOrEmpty(message) ? $"{deniedBy}: {message}"
            : !string.IsNullOrEmpty(reason) ? $"{deniedBy}: {reason}"
            : $"{deniedBy} without explanation";
        var denied = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = text,
        };
        if (!string.IsNullOrEmpty(reason)) denied["reason"] = reason;
        denied["code"] = code < 400 ? 400 : code;
        return denied;
    }
}
