using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Core.Events;

/// <summary>
/// A CloudTrail record on its own (a trail's log file entry, <c>aws cloudtrail lookup-events</c>'
/// <c>CloudTrailEvent</c>) wrapped in the EventBridge envelope EventBridge would have delivered it in,
/// so people can replay what their trail recorded. EventBridge's envelope for an API call takes its
/// fields from the record: <c>id</c> = eventID, <c>source</c> = "aws." + the service of eventSource,
/// <c>account</c> = recipientAccountId, <c>region</c> = awsRegion, <c>time</c> = eventTime.
/// </summary>
public static class CloudTrailRecordEnvelope
{
    /// <summary>True for an object with no <c>detail-type</c> that has CloudTrail's eventSource and eventName.</summary>
    public static bool IsBareRecord(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && !root.TryGetProperty("detail-type", out _)
        && root.TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String
        && root.TryGetProperty("eventName", out var name) && name.ValueKind == JsonValueKind.String;

    /// <summary>The envelope around <paramref name="record"/> (which must satisfy <see cref="IsBareRecord"/>).</summary>
    public static string Wrap(JsonElement record)
    {
        string? Text(string name) =>
            record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var service = Text("eventSource")!.Trim();
        var dot = service.IndexOf('.', StringComparison.Ordinal);
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = Text("eventID"),
            ["detail-type"] = EventTypes.CloudTrailApiCall,
            ["source"] = "aws." + (dot < 0 ? service : service[..dot]),
            ["account"] = Text("recipientAccountId"),
            ["time"] = Text("eventTime"),
            ["region"] = Text("awsRegion"),
            ["resources"] = new JsonArray(),
            ["detail"] = JsonNode.Parse(record.GetRawText()),
        };
        // A record without one of those fields gets no such envelope field, as the classifier expects.
        foreach (var name in new[] { "id", "account", "time", "region" })
        {
            if (envelope[name] is null) envelope.Remove(name);
        }
        return envelope.ToJsonString();
    }
}
