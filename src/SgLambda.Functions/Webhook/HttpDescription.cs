namespace SgLambda.Functions.Webhook;

/// <summary><c>requestContext.http</c> of a function URL request (Amazon.Lambda.APIGatewayEvents' <c>HttpDescription</c>).</summary>
public sealed record HttpDescription
{
    /// <summary><c>POST</c>, <c>GET</c>, ...</summary>
    public string? Method { get; init; }
    public string? Path { get; init; }
    public string? Protocol { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
}
