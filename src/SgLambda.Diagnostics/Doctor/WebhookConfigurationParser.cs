using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Input;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Reads <c>kubectl get mutatingwebhookconfiguration sglambda-pod-security-groups -o json</c> (or a List holding it, or YAML)
/// for an offline doctor run. Bad input names the file, the path and what was expected.
/// </summary>
public static class WebhookConfigurationParser
{
    /// <summary>The configuration named <see cref="WebhookConfiguration.SgLambdaName"/>, or null when the file holds none.</summary>
    public static WebhookConfiguration? Parse(InputFile file)
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
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InputException(file.Name, null, (int)e.Start.Line, "not valid YAML: " + e.Message);
        }

        var candidates = new List<(JsonObject Item, string Path)>();
        for (var d = 0; d < documents.Count; d++)
        {
            var path = documents.Count == 1 ? "$" : $"document {d + 1}";
            if (documents[d] is not JsonObject document) throw new InputException(file.Name, path, null, "expected a Kubernetes object or List");
            if (document["items"] is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                    candidates.Add((items[i] as JsonObject ?? throw new InputException(file.Name, $"{path}.items[{i}]", null, "expected a Kubernetes object"), $"{path}.items[{i}]"));
            }
            else
            {
                candidates.Add((document, path));
            }
        }

        foreach (var (item, path) in candidates)
        {
            if (Text(item["kind"]) != "MutatingWebhookConfiguration") continue;
            if (Text(item["metadata"]?["name"]) != WebhookConfiguration.SgLambdaName) continue;
            return Read(file.Name, item, path);
        }
        return null;
    }

    private static WebhookConfiguration Read(string fileName, JsonObject item, string path)
    {
        var webhooks = new List<AdmissionWebhook>();
        var array = item["webhooks"] as JsonArray ?? [];
        for (var w = 0; w < array.Count; w++)
        {
            var at = $"{path}.webhooks[{w}]";
            if (array[w] is not JsonObject webhook) throw new InputException(fileName, at, null, "expected a webhook object");
            var name = Text(webhook["name"]) ?? throw new InputException(fileName, at + ".name", null, "missing required field name");
            var rules = new List<WebhookRule>();
            var ruleArray = webhook["rules"] as JsonArray ?? [];
            for (var r = 0; r < ruleArray.Count; r++)
            {
                var rule = ruleArray[r] as JsonObject ?? throw new InputException(fileName, $"{at}.rules[{r}]", null, "expected a rule object");
                rules.Add(new WebhookRule(Strings(rule, "apiGroups"), Strings(rule, "apiVersions"), Strings(rule, "operations"), Strings(rule, "resources")));
            }
            webhooks.Add(new AdmissionWebhook(name, Text(webhook["clientConfig"]?["url"]), Text(webhook["failurePolicy"]), rules));
        }
        return new WebhookConfiguration(WebhookConfiguration.SgLambdaName, webhooks);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static List<string> Strings(JsonObject parent, string name) =>
        (parent[name] as JsonArray ?? []).Select(Text).OfType<string>().ToList();
}
