namespace SgLambda.Functions.Webhook;

/// <summary>
/// What a Lambda function URL hands the webhook function for a POST (payload format 2.0), as the API server's
/// call arrives: the path secret as the path, the body as sent. For callers that invoke the function directly
/// (the sandbox and the benchmarks), so that they send exactly what the function URL would.
/// </summary>
public static class FunctionUrlPost
{
    /// <param name="path">The URL path, without its leading slash (the webhook's path secret).</param>
    /// <param name="body">The JSON body (an AdmissionReview).</param>
    public static APIGatewayHttpApiV2ProxyRequest Of(string path, string body) => new()
    {
        Version = "2.0",
        RouteKey = "$default",
        RawPath = "/" + path,
        Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["content-type"] = "application/json" },
        RequestContext = new ProxyRequestContext { Http = new HttpDescription { Method = "POST", Path = "/" + path, SourceIp = "10.0.0.10" } },
        Body = body,
    };
}
