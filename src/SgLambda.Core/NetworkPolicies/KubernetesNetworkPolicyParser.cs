using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Core.NetworkPolicies;

/// <summary>
/// Reads Kubernetes NetworkPolicies from the API's JSON (an object, or the items of a NetworkPolicyList, whose
/// items carry no kind or apiVersion). Errors name the policy and the field that is wrong.
/// </summary>
public static class KubernetesNetworkPolicyParser
{
    /// <summary>True when the object is a <c>networking.k8s.io/v1</c> NetworkPolicy (not Calico's kind of the same name).</summary>
    public static bool IsNetworkPolicy(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value["apiVersion"] is JsonValue apiVersion && apiVersion.GetValueKind() == JsonValueKind.String
            && string.Equals(apiVersion.GetValue<string>(), KubernetesNetworkPolicy.ApiVersionValue, StringComparison.Ordinal)
            && value["kind"] is JsonValue kind && kind.GetValueKind() == JsonValueKind.String
            && string.Equals(kind.GetValue<string>(), KubernetesNetworkPolicy.KindValue, StringComparison.Ordinal);
    }

    /// <summary>One policy; kind and apiVersion may be absent (list items), but when present must be NetworkPolicy's.</summary>
    /// <exception cref="FormatException">The JSON is not a NetworkPolicy; the message names the field.</exception>
    public static KubernetesNetworkPolicy Parse(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is not JsonObject value) throw new FormatException("a NetworkPolicy must be a JSON object");
        var name = value["metadata"]?["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null;
        var objectNamespace = value["metadata"]?["namespace"] is JsonValue ns && ns.GetValueKind() == JsonValueKind.String ? ns.GetValue<string>() : null;
        var what = name is null ? "NetworkPolicy" : $"NetworkPolicy {objectNamespace}/{name}";
        if (value["apiVersion"] is not null && value["kind"] is not null && !IsNetworkPolicy(value))
            throw new FormatException($"{what}: expected apiVersion {KubernetesNetworkPolicy.ApiVersionValue} and kind {KubernetesNetworkPolicy.KindValue}");
        if (name is null) throw new FormatException($"{what}: metadata.name is required");
        KubernetesNetworkPolicy? policy;
        try
        {
            policy = value.Deserialize(NetworkPolicyJsonContext.Default.KubernetesNetworkPolicy);
        }
        catch (JsonException problem)
        {
            var path = problem.Path is { Length: > 2 } p ? p[2..] : "";
            throw new FormatException($"{what}: {(path.Length > 0 ? path + ": " : "")}{problem.Message}", problem);
        }
        if (policy is null) throw new FormatException($"{what}: is JSON null");
        CheckPeers(what, "ingress", policy.Spec.Ingress?.Select(rule => rule.From));
        CheckPeers(what, "egress", policy.Spec.Egress?.Select(rule => rule.To));
        return policy with { ApiVersion = KubernetesNetworkPolicy.ApiVersionValue, Kind = KubernetesNetworkPolicy.KindValue };
    }

    /// <summary>The items of a <c>NetworkPolicyList</c> (or a kubectl List of them).</summary>
    public static IReadOnlyList<KubernetesNetworkPolicy> ParseList(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node["items"] is not JsonArray items) throw new FormatException("a NetworkPolicyList needs an items array");
        return [.. items.Select(item => Parse(item ?? throw new FormatException("a NetworkPolicyList item is null")))];
    }

    /// <summary>Serializes back to the API's JSON (the modelled fields).</summary>
    public static JsonObject ToJsonNode(KubernetesNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return (JsonObject)JsonSerializer.SerializeToNode(policy, NetworkPolicyJsonContext.Default.KubernetesNetworkPolicy)!;
    }

    // The API server's validation of peers: an ipBlock excludes the selectors, and a peer names something.
    private static void CheckPeers(string what, string direction, IEnumerable<IReadOnlyList<NetworkPolicyPeer>?>? rules)
    {
        foreach (var (peers, index) in (rules ?? []).Select((peers, index) => (peers, index)))
        {
            foreach (var (peer, p) in (peers ?? []).Select((peer, p) => (peer, p)))
            {
                var field = $"spec.{direction}[{index}].{(direction == "ingress" ? "from" : "to")}[{p}]";
                if (peer.IpBlock is not null && (peer.PodSelector is not null || peer.NamespaceSelector is not null))
                    throw new FormatException($"{what}: {field}: may not specify more than 1 peer type (ipBlock with a selector)");
                if (peer.IpBlock is null && peer.PodSelector is null && peer.NamespaceSelector is null)
                    throw new FormatException($"{what}: {field}: must specify a peer (podSelector, namespaceSelector or ipBlock)");
            }
        }
    }
}
