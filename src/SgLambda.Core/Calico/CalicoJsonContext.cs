using System.Text.Json.Serialization;

namespace SgLambda.Core.Calico;

/// <summary>Source-generated JSON for Calico objects (trimming and Native AOT safe), Kubernetes style.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Tier))]
[JsonSerializable(typeof(GlobalNetworkPolicy))]
[JsonSerializable(typeof(NetworkPolicy))]
[JsonSerializable(typeof(HostEndpoint))]
[JsonSerializable(typeof(GlobalNetworkSet))]
public sealed partial class CalicoJsonContext : JsonSerializerContext;
