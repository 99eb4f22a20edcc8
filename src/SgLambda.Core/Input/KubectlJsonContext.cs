using System.Text.Json.Serialization;

namespace SgLambda.Core.Input;

/// <summary>Source-generated JSON for kubectl output (camelCase, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(KubectlNodeList))]
internal sealed partial class KubectlJsonContext : JsonSerializerContext;
