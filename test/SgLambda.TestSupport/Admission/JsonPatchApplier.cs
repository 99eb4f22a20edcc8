using System.Text;
using System.Text.Json.Nodes;

namespace SgLambda.TestSupport.Admission;

/// <summary>
/// A tiny RFC 6902 applier (add, remove, replace on objects) so the tests check what the API server
/// would do with the patch, not how the patch is written. Strict: a remove or replace of a missing
/// member, or an add under a missing parent, fails as the API server's applier would.
/// </summary>
public static class JsonPatchApplier
{
    public static JsonNode Apply(JsonNode document, string base64Patch)
    {
        var operations = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64Patch)))!.AsArray();
        var result = document.DeepClone();
        foreach (var operation in operations)
        {
            var op = (string)operation!["op"]!;
            var tokens = ((string)operation["path"]!).Split('/').Skip(1)
                .Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .ToList();
            if (tokens.Count == 0) throw new InvalidOperationException("patching the whole document is not expected");
            var parent = tokens.Take(tokens.Count - 1).Aggregate(result, (node, token) =>
                node.AsObject()[token] ?? throw new InvalidOperationException($"missing parent {token}"));
            var target = parent.AsObject();
            var last = tokens[^1];
            switch (op)
            {
                case "add":
                    target[last] = operation["value"]?.DeepClone();
                    break;
                case "remove":
                    if (!target.Remove(last)) throw new InvalidOperationException($"remove of missing {last}");
                    break;
                case "replace":
                    if (!target.ContainsKey(last)) throw new InvalidOperationException($"replace of missing {last}");
                    target[last] = operation["value"]?.DeepClone();
                    break;
                default:
                    throw new InvalidOperationException($"unexpected op {op}");
            }
        }
        return result;
    }

    /// <summary>The pod's labels as sorted <c>key=value</c> lines, easy to compare and to read in a failure.</summary>
    public static IReadOnlyList<string> Labels(JsonNode pod) =>
        pod["metadata"]?["labels"] is JsonObject labels
            ? [.. labels.Select(l => $"{l.Key}={(string?)l.Value}").Order(StringComparer.Ordinal)]
            : [];
}
