using System.Text.Json.Serialization;

namespace SgLambda.Core.NetworkPolicies;

/// <summary>Source-generated JSON for Kubernetes NetworkPolicies (trimming and Native AOT safe), Kubernetes style.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(KubernetesNetworkPolicy))]
public sealed partial class NetworkPolicyJsonContext : JsonSerializerContext;
