using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Input;
using YamlDotNet.Core;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// Pods from <c>kubectl get pods -A -o json</c> (or <c>-o yaml</c>): a List or PodList of Pods, or single
/// Pods. Reads metadata (namespace, name, labels), <c>spec.nodeName</c>, <c>spec.hostNetwork</c> and
/// <c>status.podIP</c>; everything else is ignored.
/// </summary>
public static class PodListParser
{
    public static IReadOnlyList<ClusterPod> Parse(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = file.Text.TrimStart().StartsWith('{')
                ? [JsonNode.Parse(file.Text)]
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

        var pods = new List<ClusterPod>();
        for (var d = 0; d < documents.Count; d++)
        {
            var where = documents.Count == 1 ? "$" : $"document {d + 1}";
            if (documents[d] is not JsonObject document)
                throw new InputException(file.Name, where, null, "expected the output of kubectl get pods -A -o json");
            if (Text(document, "kind") is { } kind && kind.EndsWith("List", StringComparison.Ordinal))
            {
                if (document["items"] is not JsonArray items)
                    throw new InputException(file.Name, where + ".items", null, "expected the List's items array");
                for (var i = 0; i < items.Count; i++) Add(items[i], $"{where}.items[{i}]");
            }
            else
            {
                Add(document, where);
            }
        }
        return pods;

        void Add(JsonNode? node, string path)
        {
            if (node is not JsonObject item) throw new InputException(file.Name, path, null, "expected a Pod");
            // A file of several kinds (kubectl get all) is fine: only Pods count.
            if (!string.Equals(Text(item, "kind") ?? "Pod", "Pod", StringComparison.Ordinal)) return;
            var metadata = item["metadata"] as JsonObject
                ?? throw new InputException(file.Name, path + ".metadata", null, "missing required field metadata");
            var name = Text(metadata, "name")
                ?? throw new InputException(file.Name, path + ".metadata.name", null, "missing required field name");
            var ns = Text(metadata, "namespace") ?? "default";
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (metadata["labels"] is JsonObject labelObject)
            {
                foreach (var (key, value) in labelObject)
                {
                    labels[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                        ? v.GetValue<string>()
                        : throw new InputException(file.Name, $"{path}.metadata.labels.{key}", null, "expected a string label value");
                }
            }
            var spec = item["spec"] as JsonObject;
            var hostNetwork = spec?["hostNetwork"] is JsonValue host && host.GetValueKind() == JsonValueKind.True;
            IPAddress? ip = null;
            if (item["status"] is JsonObject status && Text(status, "podIP") is { Length: > 0 } text)
            {
                ip = IPAddress.TryParse(text, out var parsed)
                    ? parsed
                    : throw new InputException(file.Name, path + ".status.podIP", null, $"expected an IP address, got \"{text}\"");
            }
            var claim = metadata["annotations"] is JsonObject annotations ? Text(annotations, LabelKeys.SecurityGroupsAnnotation) : null;
            pods.Add(new ClusterPod(ns, name, ip, labels, spec is null ? null : Text(spec, "nodeName"), hostNetwork) { SecurityGroupClaim = claim });
        }
    }

    private static string? Text(JsonObject parent, string name) =>
        parent[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
