using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Evaluation;

namespace SgLambda.Core.Explain;

/// <summary>
/// Kubernetes NetworkPolicies (<c>networking.k8s.io/v1</c>) as the Calico policy Calico makes of them
/// (<c>knp.default.&lt;name&gt;</c> in the default tier, order 1000, selector
/// <c>projectcalico.org/orchestrator == 'k8s'</c> and the podSelector's labels), for the policies that deny
/// a whole direction (a podSelector of matchLabels and no rules, the tutorial's <c>default-deny</c>).
/// Anything else is left out with a note. A stand-in until the full NetworkPolicy converter (issue 5) is
/// available: then <see cref="Convert"/> should call it.
/// </summary>
public static class KubernetesNetworkPolicyBridge
{
    public const string ApiVersionPrefix = "networking.k8s.io/";

    /// <summary>Calico's order for converted Kubernetes NetworkPolicies.</summary>
    public const double ConvertedOrder = 1000;

    public static bool IsKubernetesNetworkPolicy(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Text(item, "kind") == "NetworkPolicy" && Text(item, "apiVersion")?.StartsWith(ApiVersionPrefix, StringComparison.Ordinal) == true;
    }

    /// <summary>The Calico policy for one Kubernetes NetworkPolicy, or null and a note saying why it is not evaluated.</summary>
    public static NetworkPolicy? Convert(JsonObject policy, out string? note)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var metadata = policy["metadata"] as JsonObject;
        var name = metadata is null ? null : Text(metadata, "name");
        var ns = (metadata is null ? null : Text(metadata, "namespace")) ?? "default";
        var spec = policy["spec"] as JsonObject;
        if (name is null || spec is null)
        {
            note = "a Kubernetes NetworkPolicy without metadata.name or spec is not evaluated";
            return null;
        }
        var selector = PodSelector(spec["podSelector"]);
        var ingress = spec["ingress"] as JsonArray;
        var egress = spec["egress"] as JsonArray;
        if (selector is null || ingress is { Count: > 0 } || egress is { Count: > 0 })
        {
            note = $"Kubernetes NetworkPolicy {ns}/{name} is not evaluated: only policies that deny a whole direction (matchLabels podSelector, no rules) are translated until the NetworkPolicy converter is available";
            return null;
        }
        var types = spec["policyTypes"] is JsonArray listed
            ? listed.Select(t => t?.GetValue<string>()).OfType<string>().ToList()
            : egress is null ? [PolicyTypes.Ingress] : [PolicyTypes.Ingress, PolicyTypes.Egress];
        note = null;
        return new NetworkPolicy
        {
            ApiVersion = CalicoApiGroups.ProjectCalicoV3,
            Metadata = new ObjectMeta { Name = "knp.default." + name, Namespace = ns },
            Spec = new PolicySpec
            {
                Tier = "default",
                Order = ConvertedOrder,
                Selector = selector,
                Types = types,
                Ingress = [],
                Egress = [],
            },
        };
    }

    /// <summary>Calico's selector for a podSelector of matchLabels (keys in order), or null for anything else.</summary>
    private static string? PodSelector(JsonNode? node)
    {
        var terms = new List<string> { $"{CalicoEvaluator.OrchestratorLabel} == 'k8s'" };
        if (node is null) return terms[0];
        if (node is not JsonObject selector || selector["matchExpressions"] is JsonArray { Count: > 0 }) return null;
        if (selector["matchLabels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String) return null;
                terms.Add($"{key} == '{text.GetValue<string>()}'");
            }
        }
        return string.Join(" && ", terms);
    }

    private static string? Text(JsonObject parent, string name) =>
        parent[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
