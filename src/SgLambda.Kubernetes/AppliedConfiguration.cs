using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>The body of a server-side apply, as both store adapters send it.</summary>
internal static class AppliedConfiguration
{
    /// <summary>
    /// The object as an applied configuration. Without a precondition it states intent only: no resourceVersion or
    /// uid. With one, the API server checks them: a resourceVersion on an existing object must match (else 409
    /// Conflict), a uid must name the existing object (else 409, also when it is gone), and on an absent object
    /// the apply creates it, the resourceVersion unchecked (the generic registry's create-on-update path;
    /// kubernetes/kubernetes#106745) while any object created since the listing answers 409.
    /// </summary>
    public static JsonObject For(CalicoObject value, WritePrecondition? precondition)
    {
        ArgumentNullException.ThrowIfNull(value);
        var body = CalicoSerializer.ToJsonNode(value);
        var metadata = (JsonObject)body["metadata"]!;
        metadata.Remove("resourceVersion");
        metadata.Remove("uid");
        if (precondition?.ResourceVersion is { } version) metadata["resourceVersion"] = version;
        if (precondition?.Uid is { } uid) metadata["uid"] = uid;
        return body;
    }
}
