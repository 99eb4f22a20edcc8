using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Input;
using YamlDotNet.Core;

namespace SgLambda.Core.Explain;

/// <summary>
/// A cluster snapshot for <c>explain</c>: the Calico objects <see cref="ClusterSnapshotParser"/> reads, and
/// the Kubernetes NetworkPolicies among them (<c>networking.k8s.io/v1</c>, which that parser would take for
/// Calico's kind of the same name) turned into Calico policy by <see cref="KubernetesNetworkPolicyBridge"/>.
/// </summary>
public static class ClusterSnapshotReader
{
    public static IReadOnlyList<CalicoObject> Read(InputFile file, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(notes);
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = file.Text.TrimStart().StartsWith('{') ? [JsonNode.Parse(file.Text)] : YamlToJson.Documents(file.Text);
        }
        catch (Exception e) when (e is JsonException or YamlException)
        {
            // The parser names the line and the problem.
            return ClusterSnapshotParser.Parse(file);
        }

        var kubernetesPolicies = new List<JsonObject>();
        foreach (var document in documents.OfType<JsonObject>())
        {
            var items = document["items"] as JsonArray;
            foreach (var item in items?.OfType<JsonObject>() ?? [document])
            {
                if (KubernetesNetworkPolicyBridge.IsKubernetesNetworkPolicy(item)) kubernetesPolicies.Add(item);
            }
        }
        if (kubernetesPolicies.Count == 0) return ClusterSnapshotParser.Parse(file);

        // Without the Kubernetes policies, the rest is what the parser reads (its paths then count without them).
        var rest = new JsonArray();
        foreach (var document in documents.OfType<JsonObject>())
        {
            var items = document["items"] as JsonArray;
            foreach (var item in items?.OfType<JsonObject>() ?? [document])
            {
                if (!KubernetesNetworkPolicyBridge.IsKubernetesNetworkPolicy(item)) rest.Add(item.DeepClone());
            }
        }
        var objects = ClusterSnapshotParser.Parse(new InputFile(file.Name, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = rest }.ToJsonString())).ToList();
        foreach (var policy in kubernetesPolicies)
        {
            if (KubernetesNetworkPolicyBridge.Convert(policy, out var note) is { } converted) objects.Add(converted);
            if (note is not null) notes.Add(note);
        }
        return objects;
    }
}
