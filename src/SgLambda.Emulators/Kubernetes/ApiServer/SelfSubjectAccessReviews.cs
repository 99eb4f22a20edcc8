using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// <c>kubectl auth can-i</c>: a SelfSubjectAccessReview answered from the emulator's access model. The emulator
/// knows one identity, the holder of its bearer token (the sandbox's cluster-admin kubeconfig), with no RBAC:
/// it may do whatever the emulator serves. So a review is allowed unless it asks for a verb the emulator does
/// not serve on a resource it knows (a write to the read-only CustomResourceDefinitions, a watch of a review).
/// </summary>
internal static class SelfSubjectAccessReviews
{
    public static JsonObject Answer(JsonObject review, ApiResourceCatalog catalog)
    {
        var spec = review["spec"] as JsonObject ?? [];
        var attributes = spec["resourceAttributes"] as JsonObject;
        var nonResource = spec["nonResourceAttributes"] as JsonObject;
        if ((attributes is null) == (nonResource is null))
        {
            throw new StatusException(KubernetesStatus.Invalid("authorization.k8s.io", "SelfSubjectAccessReview", "",
                [new StatusCause("FieldValueRequired", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes")]));
        }

        var (allowed, reason) = (true, "the emulator's bearer token is its only identity and may use everything the emulator serves (no RBAC)");
        if (attributes is not null)
        {
            var group = attributes["group"]?.GetValue<string>() ?? "";
            var plural = attributes["resource"]?.GetValue<string>() ?? "";
            var verb = attributes["verb"]?.GetValue<string>() ?? "";
            var resource = catalog.Resources.FirstOrDefault(candidate => candidate.Group == group && candidate.Plural == plural);
            if (resource is not null && verb != "*" && !resource.Verbs.Contains(verb))
                (allowed, reason) = (false, $"the emulator does not serve {verb} on {resource.GroupResource} (it serves {string.Join(", ", resource.Verbs)})");
        }

        var answer = new JsonObject
        {
            ["kind"] = "SelfSubjectAccessReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
            ["status"] = new JsonObject { ["allowed"] = allowed, ["reason"] = reason },
        };
        return answer;
    }
}
