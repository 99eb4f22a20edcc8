using SgLambda.Aws;
using SgLambda.Kubernetes;

namespace SgLambda.Functions;

/// <summary>EKS bearer tokens from the function's own role, for the Kubernetes adapter; the generator caches them and signs a new one a minute before expiry.</summary>
public sealed class EksTokenSource(EksTokenGenerator generator) : ITokenSource
{
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        (await generator.GetTokenAsync(cancellationToken)).Token;
}
