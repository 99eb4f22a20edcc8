using System.Text.Json.Serialization;

namespace SgLambda.Core.Admission;

/// <summary>Source-generated JSON for AdmissionReview and JSONPatch (trimming and Native AOT safe), Kubernetes style.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(IReadOnlyList<JsonPatchOperation>))]
public sealed partial class AdmissionJsonContext : JsonSerializerContext;
