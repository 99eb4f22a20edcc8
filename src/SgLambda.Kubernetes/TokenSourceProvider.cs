using System.Net.Http.Headers;
using k8s.Authentication;

namespace SgLambda.Kubernetes;

/// <summary>An <see cref="ITokenSource"/> as KubernetesClient's <see cref="ITokenProvider"/>: each request carries <c>Bearer &lt;token&gt;</c>.</summary>
public sealed class TokenSourceProvider(ITokenSource tokens) : ITokenProvider
{
    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
        new("Bearer", await tokens.GetTokenAsync(cancellationToken));
}
