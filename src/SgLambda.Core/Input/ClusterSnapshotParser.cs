using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.NetworkPolicies;
using YamlDotNet.Core;

namespace SgLambda.Core.Input;

/// <summary>
/// The objects a cluster holds, from <c>kubectl get tiers,globalnetworkpolicies,hostendpoints,
/// globalnetworksets -o json</c> (or <c>-o yaml</c>, or a YAML stream such as <c>render</c> prints): a List,
/// or single objects. Kinds SgLambda does not manage are ignored. Kubernetes NetworkPolicies
/// (<c>networking.k8s.io/v1</c>, e.g. from <c>kubectl get networkpolicies -A -o json</c>) are read apart, by
/// <see cref="ParseNetworkPolicies"/>: the reconcile writes the companions of the SG-aware ones.
/// </summary>
public static class ClusterSnapshotParser
{
    /// <summary>The Calico objects of the snapshot.</summary>
    public static IReadOnlyList<CalicoObject> Parse(InputFile file)
    {
        var objects = new List<CalicoObject>();
        foreach (var (item, path) in Items(file))
        {
            if (KubernetesNetworkPolicyParser.IsNetworkPolicy(item)) continue;
            if (!CalicoSerializer.IsKnownKind(item["kind"]!.GetValue<string>())) continue;
            try
            {
                objects.Add(CalicoSerializer.FromJsonNode(item));
            }
            catch (JsonException e)
            {
                throw new InputException(file.Name, path + (e.Path is { Length: > 1 } inner ? inner[1..] : ""), null, e.Message);
            }
        }
        return objects;
    }

    /// <summary>The Kubernetes NetworkPolicies of the snapshot (<c>apiVersion: networking.k8s.io/v1</c>).</summary>
    public static IReadOnlyList<KubernetesNetworkPolicy> ParseNetworkPolicies(InputFile file)
    {
        var policies = new List<KubernetesNetworkPolicy>();
        foreach (var (item, path) in Items(file))
        {
            if (!KubernetesNetworkPolicyParser.IsNetworkPolicy(item)) continue;
            try
            {
                policies.Add(KubernetesNetworkPolicyParser.Parse(item));
            }
            catch (FormatException e)
            {
                throw new InputException(file.Name, path, null, e.Message);
            }
        }
        return policies;
    }

    // Every object of the documents (List items flattened), with its JSON path, kind checked.
    private static List<(JsonObject Item, string Path)> Items(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = file.Text.TrimStart().StartsWith('{')
                ? [JsonNode.Parse(file.Text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })]
                : YamlToJson.Documents(file.Text);
        }
        catch (JsonException e)
        {
            throw new InputException(file.Name, null, (int?)e.LineNumber + 1, "not valid JSON: " + e.Message);
        }
        catch (YamlException e)
        {
            throw new InputException(file.Name, null, (int)e.Start.Line, "not valid YAML: " + e.Message);
        }

        var objects = new List<(JsonObject Item, string Path)>();
        for (var d = 0; d < documents.Count; d++)
        {
            if (documents[d] is not JsonObject document)
                throw new InputException(file.Name, $"document {d + 1}", null, "expected a kubectl List or Kubernetes objects");
            // kubectl prints "List"; the API server's own lists are "<Kind>List".
            if (document["kind"] is JsonValue kind && kind.GetValueKind() == JsonValueKind.String && kind.GetValue<string>().EndsWith("List", StringComparison.Ordinal))
            {
                if (document["items"] is not JsonArray items)
                    throw new InputException(file.Name, "$.items", null, "expected the List's items array");
                for (var i = 0; i < items.Count; i++) Add(items[i], $"$.items[{i}]");
            }
            else
            {
                Add(document, documents.Count == 1 ? "$" : $"document {d + 1}");
            }
        }
        return objects;

        void Add(JsonNode? node, string path)
        {
            if (node is not JsonObject item) throw new InputException(file.Name, path, null, "expected a Kubernetes object");
            if (item["kind"] is not JsonValue kindValue || kindValue.GetValueKind() != JsonValueKind.String)
                throw new InputException(file.Name, path + ".kind", null, "missing required field kind");
            objects.Add((item, path));
        }
    }
}
