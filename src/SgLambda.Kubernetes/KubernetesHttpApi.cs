using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s.Autorest;

namespace SgLambda.Kubernetes;

/// <summary>
/// The few API server calls SgLambda makes, as plain HTTP with <see cref="JsonNode"/> bodies: no reflection, so
/// it runs under Native AOT (KubernetesClient's reflection-based JSON does not: IL2104/IL3053, and it may
/// fail at run time). The one connection of the adapter: the functions open it on an endpoint, a CA bundle and
/// bearer tokens, the CLI on a kubeconfig (<see cref="KubeconfigConnection"/>). A failed call throws
/// <see cref="HttpOperationException"/> carrying the response, which <see cref="KubernetesRetry"/> classifies.
/// </summary>
public sealed class KubernetesHttpApi : IDisposable
{
    private const string JsonMediaType = "application/json";
    private readonly HttpClient _http;
    private readonly Func<HttpRequestMessage, CancellationToken, Task> _authorize;

    /// <param name="endpoint">The API server (https://..., or http:// for a local emulator).</param>
    /// <param name="caBundle">The cluster CA (PEM or base64 PEM, as EKS gives it); null trusts the system's roots.</param>
    /// <param name="tokens">Bearer tokens, asked before each request.</param>
    public KubernetesHttpApi(Uri endpoint, string? caBundle, ITokenSource tokens)
        : this(endpoint, tokens, CreateHandler(caBundle))
    {
    }

    /// <summary>Over a given handler (tests).</summary>
    public KubernetesHttpApi(Uri endpoint, ITokenSource tokens, HttpMessageHandler handler)
        : this(endpoint, handler, Bearer(tokens ?? throw new ArgumentNullException(nameof(tokens))))
    {
    }

    /// <summary>Over a handler that carries the TLS trust and client certificate, and a step that authenticates each request (a kubeconfig's credentials).</summary>
    internal KubernetesHttpApi(Uri endpoint, HttpMessageHandler handler, Func<HttpRequestMessage, CancellationToken, Task> authorize)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(authorize);
        _authorize = authorize;
        // Timeouts belong to KubernetesRetry (per attempt), not to the client.
        // A path in the endpoint (an API server behind a proxy) is kept, as kubectl keeps it.
        _http = new HttpClient(handler) { BaseAddress = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    private static Func<HttpRequestMessage, CancellationToken, Task> Bearer(ITokenSource tokens) => async (request, cancellationToken) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));

    /// <summary>GET a JSON object (a list page).</summary>
    public Task<JsonObject> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, null, cancellationToken);

    /// <summary>Server-side apply: PATCH with <c>application/apply-patch+yaml</c> (JSON is YAML).</summary>
    public Task<JsonObject> ApplyAsync(string pathAndQuery, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, pathAndQuery, body, "application/apply-patch+yaml", cancellationToken);

    /// <summary>PATCH with <c>application/merge-patch+json</c>.</summary>
    public Task<JsonObject> MergePatchAsync(string pathAndQuery, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, pathAndQuery, body, "application/merge-patch+json", cancellationToken);

    /// <summary>Create: POST the object to its collection.</summary>
    public Task<JsonObject> CreateAsync(string pathAndQuery, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, pathAndQuery, body, JsonMediaType, cancellationToken);

    /// <summary>DELETE with a DeleteOptions body.</summary>
    public Task<JsonObject> DeleteAsync(string pathAndQuery, JsonObject options, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, pathAndQuery, options, JsonMediaType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? body, string? mediaType, CancellationToken cancellationToken)
    {
        var text = body?.ToJsonString();
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        await _authorize(request, cancellationToken);
        if (text is not null)
        {
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType!);
        }
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            // Parsed from the stream: a list page of large policies is megabytes, and as a string it would be twice that.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject ?? [];
        }
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpOperationException($"{method} {pathAndQuery}: {(int)response.StatusCode} {response.ReasonPhrase}")
        {
            Request = new HttpRequestMessageWrapper(request, text),
            Response = new HttpResponseMessageWrapper(response, content),
        };
    }

    private static SocketsHttpHandler CreateHandler(string? caBundle)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (string.IsNullOrWhiteSpace(caBundle)) return handler;
        // Trust the cluster's CA only (EKS clusters have their own), as kubectl does with certificate-authority-data.
        handler.SslOptions.RemoteCertificateValidationCallback = TrustOnly(ReadCaBundle(caBundle));
        return handler;
    }

    /// <summary>A server-certificate check that accepts chains ending in one of <paramref name="authorities"/> only.</summary>
    internal static RemoteCertificateValidationCallback TrustOnly(X509Certificate2Collection authorities) =>
        (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            return chain.Build(new X509Certificate2(certificate));
        };

    /// <summary>
    /// The certificates of a CA bundle given as PEM, or as base64 of PEM (how EKS's DescribeCluster and
    /// kubeconfig's <c>certificate-authority-data</c> carry it).
    /// </summary>
    public static X509Certificate2Collection ReadCaBundle(string caBundle)
    {
        ArgumentNullException.ThrowIfNull(caBundle);
        var pem = caBundle.Contains("-----BEGIN", StringComparison.Ordinal)
            ? caBundle
            : Encoding.ASCII.GetString(Convert.FromBase64String(caBundle.Trim()));
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        if (certificates.Count == 0) throw new ArgumentException("the CA bundle holds no certificate", nameof(caBundle));
        return certificates;
    }
}
