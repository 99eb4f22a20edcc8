namespace SgLambda.Kubernetes;

/// <summary>A bearer token that never changes (a service-account token of a non-EKS cluster, a test's token).</summary>
public sealed class StaticTokenSource(string token) : ITokenSource
{
    private readonly string _token = !string.IsNullOrWhiteSpace(token) ? token : throw new ArgumentException("empty token", nameof(token));

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);
}
