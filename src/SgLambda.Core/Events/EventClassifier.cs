using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Events;

/// <summary>
/// Turns an EventBridge event (or a bare CloudTrail record, see <see cref="CloudTrailRecordEnvelope"/>) into
/// the resources it may have changed. Pure, and total: whatever the
/// input, it returns; an event it cannot read is skipped as "malformed event: ..." naming the field.
/// Events are triggers, not the truth: the ids say which resources to re-read from AWS, so a repeated,
/// late or out-of-order event only causes a harmless re-read.
/// </summary>
public static class EventClassifier
{
    private const string MalformedPrefix = "malformed event: ";

    /// <summary>The CloudTrail event names handled, of every source.</summary>
    public static IReadOnlyCollection<string> HandledEventNames => [.. CloudTrailCalls.All.Select(c => c.EventName).Distinct(StringComparer.Ordinal)];

    /// <summary>The CloudTrail calls handled, with their sources (for the EventBridge rules and the docs).</summary>
    public static IReadOnlyCollection<HandledCall> HandledCalls => CloudTrailCalls.All;

    /// <summary>The sources whose every relevant call is known; write calls of other sources are read for SG and ENI ids.</summary>
    public static IReadOnlySet<string> KnownSources => CloudTrailCalls.KnownSources;

    public static ClassifiedEvent Classify(string eventJson, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var summary = new EventSummary();
        try
        {
            if (string.IsNullOrWhiteSpace(eventJson)) throw JsonField.Malformed("the event is empty");
            var document = Parse(eventJson);
            if (CloudTrailRecordEnvelope.IsBareRecord(document.RootElement))
            {
                var wrapped = CloudTrailRecordEnvelope.Wrap(document.RootElement);
                document.Dispose();
                document = Parse(wrapped);
            }
            using var owned = document;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw JsonField.Malformed("the event is not a JSON object");

            var envelope = Deserialize(root, EventsJsonContext.Default.CloudWatchEventJsonElement);
            summary = new EventSummary
            {
                Id = envelope.Id,
                Source = envelope.Source,
                DetailType = envelope.DetailType,
                Account = envelope.Account,
                Region = envelope.Region,
                Time = envelope.Time,
            };
            if (envelope.DetailType is null) throw JsonField.Malformed("detail-type is missing");
            if (envelope.Source is null) throw JsonField.Malformed("source is missing");
            switch (envelope.Detail.ValueKind)
            {
                case JsonValueKind.Undefined: throw JsonField.Malformed("detail is missing");
                case JsonValueKind.Object: break;
                default: throw JsonField.Malformed("detail is not a JSON object");
            }

            return envelope.DetailType switch
            {
                EventTypes.CloudTrailApiCall => ClassifyApiCall(root, summary, config),
                EventTypes.InstanceStateChange => ClassifyStateChange(root, summary, config),
                _ => Skip(summary, $"detail-type {JsonField.Quote(envelope.DetailType)} is not handled"),
            };
        }
        catch (MalformedEventException malformed)
        {
            return Skip(summary, MalformedPrefix + malformed.Message);
        }
    }

    private static ClassifiedEvent ClassifyApiCall(JsonElement root, EventSummary summary, SgLambdaConfig config)
    {
        var detail = Deserialize(root, EventsJsonContext.Default.CloudWatchEventCloudTrailDetail).Detail!;
        summary = summary with
        {
            EventName = detail.EventName,
            ErrorCode = string.IsNullOrWhiteSpace(detail.ErrorCode) ? null : detail.ErrorCode,
            // A hand-made replay event may carry only the CloudTrail record's own account and region.
            Account = summary.Account ?? detail.RecipientAccountId,
            Region = summary.Region ?? detail.AwsRegion,
        };
        try
        {
            return ClassifyCall(detail, summary, config);
        }
        catch (MalformedEventException malformed)
        {
            // Caught here so the skip still says which call it was.
            return Skip(summary, MalformedPrefix + malformed.Message);
        }
    }

    private static ClassifiedEvent ClassifyCall(CloudTrailDetail detail, EventSummary summary, SgLambdaConfig config)
    {
        if (OtherOrigin(summary, config) is { } elsewhere) return Skip(summary, elsewhere);
        if (string.IsNullOrWhiteSpace(detail.EventName)) throw JsonField.Malformed("detail.eventName is missing");
        var handler = CloudTrailCalls.Find(summary.Source!, detail.EventName);
        var unknownService = handler is null && !CloudTrailCalls.KnownSources.Contains(summary.Source!) && !IsReadOnly(detail);
        if (handler is null && !unknownService)
            return Skip(summary, $"{JsonField.Printable(detail.EventName)} from {JsonField.Printable(summary.Source!)} is not handled (it changes nothing SgLambda renders)");
        if (summary.ErrorCode is { } error) return Skip(summary, $"{detail.EventName} failed ({JsonField.Printable(error)}); a failed call changes nothing");

        var call = new CloudTrailCall(
            detail.EventName,
            new JsonField(detail.RequestParameters ?? default, "detail.requestParameters"),
            new JsonField(detail.ResponseElements ?? default, "detail.responseElements"));
        var effect = handler is null ? UnknownServiceCalls.Classify(call, summary.Source!) : handler.Classify(call);
        if (effect.Affected.IsEmpty) return Skip(summary, effect.Reason);
        if (effect.VpcIds.Count > 0 && !effect.VpcIds.Contains(config.VpcId, StringComparer.Ordinal))
            return Skip(summary, $"{detail.EventName} is in {Ids.Join(effect.VpcIds)}, not in the configured {config.VpcId}");
        return new ClassifiedEvent(summary, effect.Affected, null, effect.Reason);
    }

    /// <summary>CloudTrail's <c>readOnly</c>: true for Describe/List/Get calls (a boolean, or its text in hand-made events).</summary>
    private static bool IsReadOnly(CloudTrailDetail detail) => detail.ReadOnly is { } flag
        && (flag.ValueKind == JsonValueKind.True || (flag.ValueKind == JsonValueKind.String && string.Equals(flag.GetString()?.Trim(), "true", StringComparison.OrdinalIgnoreCase)));

    private static ClassifiedEvent ClassifyStateChange(JsonElement root, EventSummary summary, SgLambdaConfig config)
    {
        var envelope = Deserialize(root, EventsJsonContext.Default.CloudWatchEventInstanceStateChangeDetail);
        var detail = envelope.Detail!;
        summary = summary with { EventName = detail.State };
        if (OtherOrigin(summary, config) is { } elsewhere) return Skip(summary, elsewhere);
        if (!string.Equals(summary.Source, EventTypes.Ec2Source, StringComparison.Ordinal))
            return Skip(summary, $"{EventTypes.InstanceStateChange} from {JsonField.Printable(summary.Source!)} is not handled");
        string instance;
        try
        {
            // The instance id is in the detail, and in the instance ARN of resources.
            instance = JsonField.CheckId(detail.InstanceId, "detail.instance-id", Ids.Instance, Ids.InstanceKind)
                ?? InstanceOfArns(envelope.Resources)
                ?? throw JsonField.Malformed("detail.instance-id is missing (expected an instance id)");
        }
        catch (MalformedEventException malformed)
        {
            return Skip(summary, MalformedPrefix + malformed.Message);
        }
        var state = string.IsNullOrWhiteSpace(detail.State) ? "in a new state" : JsonField.Printable(detail.State.Trim());
        var affected = new AffectedBuilder().Instance(instance).Effect($"instance {instance} is {state}");
        return new ClassifiedEvent(summary, affected.Affected, null, affected.Reason);
    }

    private static string? InstanceOfArns(IReadOnlyList<string>? arns)
    {
        const string marker = ":instance/";
        foreach (var arn in arns ?? [])
        {
            var at = arn?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            if (at >= 0) return JsonField.CheckId(arn![(at + marker.Length)..], "resources", Ids.Instance, Ids.InstanceKind);
        }
        return null;
    }

    /// <summary>Why the event is not for the configured account or region, or null when it is (or cannot tell).</summary>
    private static string? OtherOrigin(EventSummary summary, SgLambdaConfig config)
    {
        if (config.AccountId is { } account && summary.Account is { } eventAccount && !string.Equals(eventAccount.Trim(), account, StringComparison.Ordinal))
            return $"event from account {JsonField.Printable(eventAccount)}, not the configured account {account}";
        if (config.Region is { } region && summary.Region is { } eventRegion && !string.Equals(eventRegion.Trim(), region, StringComparison.Ordinal))
            return $"event from region {JsonField.Printable(eventRegion)}, not the configured region {region}";
        return null;
    }

    private static ClassifiedEvent Skip(EventSummary summary, string reason) => new(summary, AffectedResources.None, reason);

    private static JsonDocument Parse(string eventJson)
    {
        try
        {
            return JsonDocument.Parse(eventJson);
        }
        catch (JsonException invalid)
        {
            throw JsonField.Malformed($"not valid JSON (line {invalid.LineNumber + 1}, byte {invalid.BytePositionInLine + 1})");
        }
        catch (ArgumentException)
        {
            // JsonDocument refuses text that has no UTF-8 form (a lone surrogate) with ArgumentException.
            throw JsonField.Malformed("not valid JSON (the text is not valid Unicode)");
        }
    }

    private static T Deserialize<T>(JsonElement root, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return root.Deserialize(typeInfo) ?? throw JsonField.Malformed("the event is null");
        }
        catch (JsonException wrongType)
        {
            var field = FieldOf(wrongType.Path);
            var expected = field.EndsWith("time", StringComparison.Ordinal) ? "an ISO 8601 date-time"
                : field.StartsWith("resources", StringComparison.Ordinal) ? "a list of strings"
                : "a string";
            throw JsonField.Malformed(field.Length == 0 ? "the event has the wrong shape" : $"{field} is not {expected}");
        }
    }

    /// <summary>"$.detail.eventName" or "$['detail-type']" as "detail.eventName" or "detail-type".</summary>
    private static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath)) return "";
        var path = jsonPath.TrimStart('$').Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal);
        return path.TrimStart('.');
    }
}
