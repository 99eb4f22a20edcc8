using System.Text.Json;

namespace SgLambda.Core.Events;

/// <summary>
/// The events a file holds, in order: an EventBridge event or a single CloudTrail record is one; a trail's
/// log file (<c>{"Records": [...]}</c>) and the output of <c>aws cloudtrail lookup-events</c>
/// (<c>{"Events": [{"CloudTrailEvent": "..."}]}</c>) hold many. Anything else is returned whole, for the
/// classifier to name what is wrong with it.
/// </summary>
public static class EventDocuments
{
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("detail-type", out _)) return [text];
            if (root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array)
                return [.. records.EnumerateArray().Select(record => record.GetRawText())];
            if (root.TryGetProperty("Events", out var events) && events.ValueKind == JsonValueKind.Array)
                return [.. events.EnumerateArray().Select(LookupEventRecord)];
            return [text];
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return [text];
        }
    }

    // lookup-events gives the record as a JSON string; an entry without one stays as it is, to be reported.
    private static string LookupEventRecord(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("CloudTrailEvent", out var record)
        && record.ValueKind == JsonValueKind.String
            ? record.GetString()!
            : entry.GetRawText();
}
