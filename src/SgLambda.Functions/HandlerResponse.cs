using System.Text.Json;

namespace SgLambda.Functions;

/// <summary>What a function invocation returns: the outcome and its counts, as JSON.</summary>
public sealed record HandlerResponse(string Status, string? EventId, string? EventName, int Applied, int Deleted, int TrustAttachments, string? Reason)
{
    public const string AppliedStatus = "applied";
    public const string UnchangedStatus = "unchanged";
    public const string SkippedStatus = "skipped";
    /// <summary>A reconcile that stopped at its deadline with writes left; the next run continues.</summary>
    public const string PartialStatus = "partial";
    public const string QueuedStatus = "queued";

    public Stream ToStream()
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("status", Status);
            json.WriteString("eventId", EventId);
            json.WriteString("eventName", EventName);
            json.WriteNumber("applied", Applied);
            json.WriteNumber("deleted", Deleted);
            json.WriteNumber("trustAttachments", TrustAttachments);
            json.WriteString("reason", Reason);
            json.WriteEndObject();
        }
        stream.Position = 0;
        return stream;
    }
}
