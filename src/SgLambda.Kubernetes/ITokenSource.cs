namespace SgLambda.Kubernetes;

/// <summary>
/// Where bearer tokens for the API server come from when they expire (the EKS token generator, say). Asked
/// before each request; caching is the source's business.
/// </summary>
public interface ITokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}
