using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A list continue token as the API server encodes it (k8s.io/apiserver/pkg/storage.EncodeContinue): base64url
/// of <c>{"v":"meta.k8s.io/v1","rv":&lt;revision&gt;,"start":"&lt;key after the last item&gt;"}</c>, the key relative to the list's prefix.
/// </summary>
internal readonly record struct ContinueToken(long Revision, string StartKey)
{
    public string Encode()
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = Revision, ["start"] = StartKey }.ToJsonString();
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Throws <see cref="FormatException"/> when the token is not one this server issued.</summary>
    public static ContinueToken Decode(string token)
    {
        try
        {
            var node = JsonNode.Parse(Base64Url.DecodeFromChars(token)) as JsonObject
                ?? throw new FormatException("continue key is not valid: not an object");
            if (node["v"]?.GetValue<string>() != "meta.k8s.io/v1")
                throw new FormatException("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            var revision = node["rv"]?.GetValue<long>() ?? 0;
            var start = node["start"]?.GetValue<string>() ?? "";
            if (revision <= 0 || start.Length == 0 || start.Contains("..", StringComparison.Ordinal))
                throw new FormatException("continue key is not valid: invalid start or resourceVersion");
            return new ContinueToken(revision, start);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"continue key is not valid: {error.Message}", error);
        }
    }
}
