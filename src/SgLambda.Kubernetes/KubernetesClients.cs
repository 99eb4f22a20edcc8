using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Authentication;

namespace SgLambda.Kubernetes;

/// <summary>
/// KubernetesClient clients the ways SgLambda runs: from a kubeconfig file (the CLI's <c>--kubeconfig</c>), or
/// from an endpoint, its CA bundle and a bearer token or token source (a Lambda function talking to EKS).
/// </summary>
public static class KubernetesClients
{
    /// <summary>A client for a kubeconfig's current context, or <paramref name="context"/> when given.</summary>
    public static IKubernetes FromKubeconfig(string kubeconfigPath, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(kubeconfigPath);
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, currentContext: context);
        return new k8s.Kubernetes(configuration);
    }

    /// <summary>A client for <paramref name="endpoint"/> that trusts <paramref name="caBundle"/> and sends a fixed bearer token.</summary>
    public static IKubernetes FromEndpoint(Uri endpoint, string? caBundle, string bearerToken)
    {
        ArgumentNullException.ThrowIfNull(bearerToken);
        return FromEndpoint(endpoint, caBundle, new StringTokenProvider(bearerToken, "Bearer"));
    }

    /// <summary>A client whose bearer tokens come from <paramref name="tokens"/> (asked before each request).</summary>
    public static IKubernetes FromEndpoint(Uri endpoint, string? caBundle, ITokenSource tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return FromEndpoint(endpoint, caBundle, new TokenSourceProvider(tokens));
    }

    /// <summary>A client authenticated by KubernetesClient's own token provider.</summary>
    public static IKubernetes FromEndpoint(Uri endpoint, string? caBundle, ITokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(tokens);
        var configuration = new KubernetesClientConfiguration
        {
            Host = endpoint.ToString(),
            TokenProvider = tokens,
        };
        if (!string.IsNullOrWhiteSpace(caBundle)) configuration.SslCaCerts = ReadCaBundle(caBundle);
        return new k8s.Kubernetes(configuration);
    }

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
