using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// Request bodies in <c>application/vnd.kubernetes.protobuf</c>, which client-go's generated clients send for
/// built-in kinds (kubectl 1.32's <c>create namespace</c> and <c>auth can-i</c>; a 415 does not make them fall
/// back to JSON, only CBOR does): the magic <c>k8s\0</c>, then a <c>runtime.Unknown</c> envelope (typeMeta = 1,
/// raw = 2) whose raw bytes are the object's message, decoded to the JSON the API server would have read. Field
/// numbers are those of k8s.io/api and k8s.io/apimachinery's <c>generated.proto</c>. Kinds the emulator does not
/// decode answer 415 naming the kind and the JSON media type to use.
/// </summary>
internal static class KubernetesProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(ReadOnlyMemory<byte> body)
    {
        if (body.Length < Magic.Length || !body.Span[..Magic.Length].SequenceEqual(Magic))
            throw new StatusException(KubernetesStatus.BadRequest("the protobuf body does not start with the \"k8s\\x00\" prefix"));
        try
        {
            var unknown = new ProtobufFields(body[Magic.Length..]);
            var typeMeta = unknown.Message(1);
            var apiVersion = typeMeta?.String(1) ?? "";
            var kind = typeMeta?.String(2) ?? "";
            var raw = new ProtobufFields(unknown.Bytes(2) ?? ReadOnlyMemory<byte>.Empty);
            return (apiVersion, kind) switch
            {
                ("v1", "Namespace") => Namespace(raw),
                ("authorization.k8s.io/v1", "SelfSubjectAccessReview") => SelfSubjectAccessReview(raw),
                _ => throw new StatusException(KubernetesStatus.UnsupportedMediaType(
                    [$"application/json (the emulator decodes protobuf only for v1 Namespace and authorization.k8s.io/v1 SelfSubjectAccessReview, not {apiVersion} {kind})"])),
            };
        }
        catch (FormatException error)
        {
            throw new StatusException(KubernetesStatus.BadRequest($"unable to decode the protobuf body: {error.Message}"));
        }
    }

    // message Namespace { ObjectMeta metadata = 1; NamespaceSpec spec = 2 { repeated string finalizers = 1; } }
    private static JsonObject Namespace(ProtobufFields raw)
    {
        var namespaceObject = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = ObjectMeta(raw.Message(1)) };
        if (raw.Message(2) is { } spec && spec.Strings(1).ToList() is { Count: > 0 } finalizers)
            namespaceObject["spec"] = new JsonObject { ["finalizers"] = new JsonArray(finalizers.Select(value => (JsonNode)value).ToArray()) };
        return namespaceObject;
    }

    // message SelfSubjectAccessReview { ObjectMeta metadata = 1; SelfSubjectAccessReviewSpec spec = 2; }
    // SelfSubjectAccessReviewSpec { ResourceAttributes resourceAttributes = 1; NonResourceAttributes nonResourceAttributes = 2; }
    private static JsonObject SelfSubjectAccessReview(ProtobufFields raw)
    {
        var spec = new JsonObject();
        if (raw.Message(2) is { } reviewSpec)
        {
            // ResourceAttributes { namespace = 1; verb = 2; group = 3; version = 4; resource = 5; subresource = 6; name = 7; }
            if (reviewSpec.Message(1) is { } attributes)
                spec["resourceAttributes"] = Strings(attributes, (1, "namespace"), (2, "verb"), (3, "group"), (4, "version"), (5, "resource"), (6, "subresource"), (7, "name"));
            // NonResourceAttributes { path = 1; verb = 2; }
            if (reviewSpec.Message(2) is { } nonResource)
                spec["nonResourceAttributes"] = Strings(nonResource, (1, "path"), (2, "verb"));
        }
        return new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["metadata"] = ObjectMeta(raw.Message(1)),
            ["spec"] = spec,
        };
    }

    // ObjectMeta { name = 1; generateName = 2; namespace = 3; uid = 5; resourceVersion = 6;
    //              map<string,string> labels = 11; annotations = 12; repeated string finalizers = 14; }
    private static JsonObject ObjectMeta(ProtobufFields? meta)
    {
        if (meta is null) return [];
        var metadata = Strings(meta, (1, "name"), (2, "generateName"), (3, "namespace"), (5, "uid"), (6, "resourceVersion"));
        foreach (var (number, name) in new[] { (11, "labels"), (12, "annotations") })
        {
            var entries = meta.Messages(number).ToList();
            if (entries.Count == 0) continue;
            // A map entry is a message { key = 1; value = 2; }.
            var map = new JsonObject();
            foreach (var entry in entries) map[entry.String(1) ?? ""] = entry.String(2) ?? "";
            metadata[name] = map;
        }
        if (meta.Strings(14).ToList() is { Count: > 0 } finalizers)
            metadata["finalizers"] = new JsonArray(finalizers.Select(value => (JsonNode)value).ToArray());
        return metadata;
    }

    // Go's generated marshaller writes these strings even when empty; JSON leaves an empty one out (omitempty).
    private static JsonObject Strings(ProtobufFields message, params (int Number, string Name)[] fields)
    {
        var result = new JsonObject();
        foreach (var (number, name) in fields)
        {
            if (message.String(number) is { Length: > 0 } value) result[name] = value;
        }
        return result;
    }
}
