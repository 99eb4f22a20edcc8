using System.Text.Json;
using System.Text;

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
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "0");
            // A record without one of these fields gets no such envelope field, as the classifier expects.
            if (Text("eventID") is { } id) writer.WriteString("id", id);
            writer.WriteString("detail-type", EventTypes.CloudTrailApiCall);
            writer.WriteString("source", "aws." + (dot < 0 ? service : service[..dot]));
            if (Text("recipientAccountId") is { } account) writer.WriteString("account", account);
            if (Text("eventTime") is { } time) writer.WriteString("time", time);
            if (Text("awsRegion") is { } region) writer.WriteString("region", region);
            writer.WriteStartArray("resources");
            writer.WriteEndArray();
            // The record as it is, byte for byte (no re-parse that could trip on duplicate keys).
            writer.WritePropertyName("detail");
            record.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
