using System.Text.Json.Serialization;

namespace SgLambda.Functions.Webhook;

/// <summary>Source-generated JSON for the function URL payloads (trimming and Native AOT safe), camelCase as Lambda writes them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;
