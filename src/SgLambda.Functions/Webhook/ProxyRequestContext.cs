namespace SgLambda.Functions.Webhook;

/// <summary>The <c>requestContext</c> of a function URL request (Amazon.Lambda.APIGatewayEvents' <c>ProxyRequestContext</c>).</summary>
public sealed record ProxyRequestContext
{
    public string? AccountId { get; init; }
    public string? ApiId { get; init; }
    public string? DomainName { get; init; }
    public string? DomainPrefix { get; init; }
    public HttpDescription? Http { get; init; }
    public string? RequestId { get; init; }
    public string? RouteKey { get; init; }
    public string? Stage { get; init; }
    public string? Time { get; init; }
    public long TimeEpoch { get; init; }
}
