using System.Text.Json;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Admission;

/// <summary>
/// The mutating webhook's decision for pods (issue 5): validate the SG annotation, apply the namespace
/// restriction, and patch the pod's <c>sg.aws.tigera.io/*</c> labels to exactly SEMANTICS.md section 3.
/// Pure: the caller reads the request and the namespace and sends the answer.
/// </summary>
public static class PodAdmission
{
    public const int RejectionCode = 400;

    public static AdmissionDecision Decide(AdmissionReview request, NamespaceInfo? ns, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(config);
        var admission = request.Request;
        if (admission is null) return Reject(request, "", "the AdmissionReview has no request");
        if (!IsPod(admission) || !IsCreateOrUpdate(admission.Operation)) return Allow(request, admission.Uid, []);
        // UPDATE (kubectl annotate, kubectl label) is decided on the new object, like CREATE.
        if (admission.Object is not { ValueKind: JsonValueKind.Object } pod)
        {
            return Reject(request, admission.Uid, $"the {admission.Operation} request for a pod carries no pod object");
        }
        // Host-network pods are not workload endpoints: SG labels mean nothing for them.
        if (IsHostNetwork(pod)) return Allow(request, admission.Uid, []);

        var claimed = Claimed(pod);
        if (!claimed.IsValid) return Reject(request, admission.Uid, claimed.Error!);
        var problem = PodMembership.CheckClaim(claimed.Ids, config)
            ?? NamespaceRestriction.For(ns).Check(ClaimsToRestrict(claimed.Ids, config));
        if (problem is not null) return Reject(request, admission.Uid, problem);

        var operations = LabelPatch.For(pod, PodMembership.LabelKeysFor(claimed.Ids, config));
        return Allow(request, admission.Uid, operations);
    }

    /// <summary>The annotation's SG ids; no annotation (or an empty list) claims none.</summary>
    private static SecurityGroupListResult Claimed(JsonElement pod)
    {
        if (pod.TryGetProperty("metadata", out var metadata)
            && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("annotations", out var annotations)
            && annotations.ValueKind == JsonValueKind.Object
            && annotations.TryGetProperty(LabelKeys.SecurityGroupsAnnotation, out var value)
            && value.ValueKind == JsonValueKind.String)
        {
            return SecurityGroupList.Parse(value.GetString()!, LabelKeys.SecurityGroupsAnnotation);
        }
        return SecurityGroupListResult.Valid([]);
    }

    /// <summary>Every pod is in the pod-default SG anyway, so naming it is no claim a namespace restricts.</summary>
    private static List<string> ClaimsToRestrict(IReadOnlyList<string> claimed, SgLambdaConfig config) =>
        [.. claimed.Where(id => !string.Equals(id, config.PodSecurityGroupId, StringComparison.Ordinal))];

    private static bool IsPod(AdmissionRequest admission) =>
        admission.Kind is { } kind
        && string.IsNullOrEmpty(kind.Group)
        && string.Equals(kind.Kind, "Pod", StringComparison.Ordinal);

    private static bool IsCreateOrUpdate(string? operation) =>
        string.Equals(operation, "CREATE", StringComparison.Ordinal)
        || string.Equals(operation, "UPDATE", StringComparison.Ordinal);

    private static bool IsHostNetwork(JsonElement pod) =>
        pod.TryGetProperty("spec", out var spec)
        && spec.ValueKind == JsonValueKind.Object
        && spec.TryGetProperty("hostNetwork", out var hostNetwork)
        && hostNetwork.ValueKind == JsonValueKind.True;

    private static AdmissionDecision Allow(AdmissionReview request, string uid, IReadOnlyList<JsonPatchOperation> operations)
    {
        var response = new AdmissionResponse { Uid = uid, Allowed = true };
        if (operations.Count > 0)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(operations, AdmissionJsonContext.Default.IReadOnlyListJsonPatchOperation);
            response = response with { PatchType = AdmissionResponse.JsonPatchType, Patch = Convert.ToBase64String(bytes) };
        }
        return new(Answer(request, response), operations);
    }

    private static AdmissionDecision Reject(AdmissionReview request, string uid, string message) =>
        new(Answer(request, new AdmissionResponse { Uid = uid, Allowed = false, Status = new(RejectionCode, message) }), []);

    /// <summary>The response echoes the request's apiVersion, as the API server requires.</summary>
    private static AdmissionReview Answer(AdmissionReview request, AdmissionResponse response) =>
        new() { ApiVersion = request.ApiVersion, Kind = AdmissionReview.ReviewKind, Response = response };
}
