namespace SgLambda.Functions.Webhook;

/// <summary>
/// A Lambda function URL request: the API Gateway HTTP API payload format 2.0 ("Invoking Lambda function URLs",
/// request payload), the fields the webhook reads, named as Amazon.Lambda.APIGatewayEvents names them.
/// </summary>
public sealed record APIGatewayHttpApiV2ProxyRequest
{
    /// <summary><c>2.0</c>.</summary>
    public string? Version { get; init; }
    /// <summary><c>$default</c> for function URLs.</summary>
    public string? RouteKey { get; init; }
    /// <summary>The path, without the query string: <c>/&lt;secret&gt;</c> here.</summary>
    public string? RawPath { get; init; }
    public string? RawQueryString { get; init; }
    /// <summary>Lowercase header names; repeated headers are joined with commas.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public ProxyRequestContext? RequestContext { get; init; }
    public string? Body { get; init; }
    /// <summary>True when Lambda base64-encoded <see cref="Body"/> (binary content types).</summary>
    public bool IsBase64Encoded { get; init; }
}
