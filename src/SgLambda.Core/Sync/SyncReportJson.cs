using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Core.Events;

namespace SgLambda.Core.Sync;

/// <summary>
/// The machine-readable form of a <see cref="SyncReport"/> (<c>replay</c>/<c>reconcile --dry-run -o json</c>):
/// <c>{"event", "affected", "apply": [objects], "delete": [{"kind","name"}], "trustAttachments", "warnings", "skipped"}</c>.
/// </summary>
public static class SyncReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToJson(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // The event part is the classifier's own document, so both outputs stay one shape.
        var json = report.Event is { } classified
            ? (JsonObject)JsonSerializer.SerializeToNode(ClassifiedEventDocument.From(classified), EventsJsonContext.Default.ClassifiedEventDocument)!
            : new JsonObject { ["event"] = null, ["affected"] = null, ["reason"] = null };
        json.Remove("skipped");
        json["apply"] = new JsonArray([.. report.Plan.Apply.Select(o => (JsonNode)CalicoSerializer.ToJsonNode(o))]);
        json["delete"] = new JsonArray([.. report.Plan.Delete.Select(d => (JsonNode)Key(d.Key))]);
        json["trustAttachments"] = new JsonArray([.. report.TrustAttachments.Select(a => (JsonNode)new JsonObject
        {
            ["kind"] = a.Kind.ToString(),
            ["id"] = a.Id,
            ["groupIds"] = Strings(a.GroupIds),
        })]);
        json["warnings"] = Strings(report.Plan.Warnings);
        json["skipped"] = report.Skipped;
        return json;
    }

    public static string ToJsonString(SyncReport report) => ToJson(report).ToJsonString(Indented);

    private static JsonObject Key(ObjectKey key)
    {
        var json = new JsonObject { ["kind"] = key.Kind, ["name"] = key.Name };
        if (key.Namespace is { } ns) json["namespace"] = ns;
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
