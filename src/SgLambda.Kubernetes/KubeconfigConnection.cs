using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Exceptions;

namespace SgLambda.Kubernetes;

/// <summary>
/// The CLI's <see cref="KubernetesHttpApi"/>: a kubeconfig read by KubernetesClient (contexts, CA, client
/// certificates, tokens, and exec plugins such as <c>aws eks get-token</c>, asked again as their tokens expire),
/// its credentials applied to each request. The one place the adapter uses KubernetesClient.
/// </summary>
public static class KubeconfigConnection
{
    /// <summary>The API server of a kubeconfig's current context, or of <paramref name="context"/> when given.</summary>
    public static KubernetesHttpApi Open(string kubeconfigPath, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(kubeconfigPath);
        return Open(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, currentContext: context));
    }

    /// <summary>The API server a KubernetesClient configuration names, with its trust and credentials.</summary>
    public static KubernetesHttpApi Open(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Uri.TryCreate(configuration.Host, UriKind.Absolute, out var endpoint)) throw new KubeConfigException($"bad server URL \"{configuration.Host}\"");
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (endpoint.Scheme == Uri.UriSchemeHttps)
        {
            // As KubernetesClient: nothing checked where the kubeconfig says insecure-skip-tls-verify, its CA where it
            // names one, else the system's trust store (a server with a publicly trusted certificate).
#pragma warning disable CA5359 // The kubeconfig's own insecure-skip-tls-verify: the user asked for no check, as kubectl honours it.
            if (configuration.SkipTlsVerify) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
            else if (configuration.SslCaCerts is { Count: > 0 } authorities) handler.SslOptions.RemoteCertificateValidationCallback = KubernetesHttpApi.TrustOnly(authorities);
        }
        if (ClientCertificate(configuration) is { } certificate) handler.SslOptions.ClientCertificates = new X509Certificate2Collection(certificate);
        // Token, token provider (exec plugins refresh theirs) or basic auth, as KubernetesClient's own client sends them.
        var credentials = k8s.Kubernetes.CreateCredentials(configuration);
        return new KubernetesHttpApi(endpoint, handler,
            (request, cancellationToken) => credentials?.ProcessHttpRequestAsync(request, cancellationToken) ?? Task.CompletedTask);
    }

    // The client certificate and key, inline (base64 PEM, client-certificate-data) or as files, as KubernetesClient reads them.
    private static X509Certificate2? ClientCertificate(KubernetesClientConfiguration configuration)
    {
        static string Pem(string? data, string? file) =>
            !string.IsNullOrWhiteSpace(data) ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : File.ReadAllText(file!);
        var hasCertificate = !string.IsNullOrWhiteSpace(configuration.ClientCertificateData) || !string.IsNullOrWhiteSpace(configuration.ClientCertificateFilePath);
        var hasKey = !string.IsNullOrWhiteSpace(configuration.ClientCertificateKeyData) || !string.IsNullOrWhiteSpace(configuration.ClientKeyFilePath);
        if (!hasCertificate || !hasKey) return null;
        using var pem = X509Certificate2.CreateFromPem(
            Pem(configuration.ClientCertificateData, configuration.ClientCertificateFilePath),
            Pem(configuration.ClientCertificateKeyData, configuration.ClientKeyFilePath));
        // Exported and loaded again: on some platforms TLS cannot use the ephemeral key CreateFromPem attaches.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
