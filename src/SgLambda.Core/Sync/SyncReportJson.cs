using System.Globalization;
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
        return new JsonObject
        {
            ["event"] = report.Event is { } classified ? Event(classified) : null,
            ["affected"] = report.Event is null ? null : Affected(report.Affected),
            ["apply"] = new JsonArray([.. report.Plan.Apply.Select(o => (JsonNode)CalicoSerializer.ToJsonNode(o))]),
            ["delete"] = new JsonArray([.. report.Plan.Delete.Select(d => (JsonNode)Key(d.Key))]),
            ["trustAttachments"] = new JsonArray([.. report.TrustAttachments.Select(a => (JsonNode)new JsonObject
            {
                ["kind"] = a.Kind.ToString(),
                ["id"] = a.Id,
                ["groupIds"] = Strings(a.GroupIds),
            })]),
            ["warnings"] = Strings(report.Plan.Warnings),
            ["skipped"] = report.Skipped,
        };
    }

    public static string ToJsonString(SyncReport report) => ToJson(report).ToJsonString(Indented);

    private static JsonObject Event(ClassifiedEvent classified)
    {
        var e = classified.Event;
        return new JsonObject
        {
            ["id"] = e.Id,
            ["source"] = e.Source,
            ["detailType"] = e.DetailType,
            ["eventName"] = e.EventName,
            ["account"] = e.Account,
            ["region"] = e.Region,
            ["time"] = e.Time?.ToString("O", CultureInfo.InvariantCulture),
            ["errorCode"] = e.ErrorCode,
            ["reason"] = classified.Reason,
        };
    }

    private static JsonObject Affected(AffectedResources affected) => new()
    {
        ["securityGroups"] = Strings(affected.SecurityGroups),
        ["networkInterfaces"] = Strings(affected.NetworkInterfaces),
        ["networkInterfaceAttachments"] = Strings(affected.NetworkInterfaceAttachments),
        ["instances"] = Strings(affected.Instances),
        ["dbInstances"] = Strings(affected.DbInstances),
        ["dbClusters"] = Strings(affected.DbClusters),
        ["prefixLists"] = Strings(affected.PrefixLists),
    };

    private static JsonObject Key(ObjectKey key)
    {
        var json = new JsonObject { ["kind"] = key.Kind, ["name"] = key.Name };
        if (key.Namespace is { } ns) json["namespace"] = ns;
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
