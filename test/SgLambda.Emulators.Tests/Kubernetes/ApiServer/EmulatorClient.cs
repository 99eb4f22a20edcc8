using System.Text;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Raw HTTP against the emulator, so the tests see the wire exactly as a client does.</summary>
internal sealed class EmulatorClient(Uri baseUrl, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _http = handler is null ? new HttpClient { BaseAddress = baseUrl } : new HttpClient(handler) { BaseAddress = baseUrl };

    public string? BearerToken { get; set; }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, null);

    public Task<ApiResponse> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json, "application/json");

    public Task<ApiResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json, "application/json");

    public Task<ApiResponse> PatchAsync(string path, string body, string contentType) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<ApiResponse> ApplyAsync(string path, string body, string manager = "test-manager", bool force = false) =>
        SendAsync(HttpMethod.Patch, $"{path}?fieldManager={manager}{(force ? "&force=true" : "")}", body, "application/apply-patch+yaml");

    public Task<ApiResponse> DeleteAsync(string path, string? body = null) => SendAsync(HttpMethod.Delete, path, body, body is null ? null : "application/json");

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
        if (BearerToken is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BearerToken);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        return new ApiResponse(response.StatusCode, json, response.Headers);
    }

    public void Dispose() => _http.Dispose();
}
