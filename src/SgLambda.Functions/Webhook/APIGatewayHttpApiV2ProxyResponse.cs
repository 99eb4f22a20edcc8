namespace SgLambda.Functions.Webhook;

/// <summary>
/// A Lambda function URL response in its explicit form ("Invoking Lambda function URLs", response payload):
/// status code, headers and body, named as Amazon.Lambda.APIGatewayEvents names them.
/// </summary>
public sealed record APIGatewayHttpApiV2ProxyResponse
{
    public required int StatusCode { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public string? Body { get; init; }
    public bool IsBase64Encoded { get; init; }
}
