using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>An HTTP answer of the emulator: status code, JSON body and headers.</summary>
internal sealed record ApiResponse(HttpStatusCode Code, JsonObject Body, HttpResponseHeaders Headers)
{
    public string Text(string path)
    {
        JsonNode? node = Body;
        foreach (var segment in path.Split('.')) node = node?[segment];
        return node?.ToString() ?? "";
    }

    public string ResourceVersion => Text("metadata.resourceVersion");
}
