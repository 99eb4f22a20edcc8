using System.Text.Json.Serialization;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Input;

/// <summary>Source-generated JSON for <c>config.json</c>: camelCase names, enums by name.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SgLambdaConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
