using System.Text.Json;
using System.Text.Json.Serialization;

namespace SgLambda.Core.Events;

/// <summary>
/// Source-generated JSON (trimming and Native AOT safe) for EventBridge events and the JSON form of a
/// classified event. Input records name their fields as AWS does; output is camelCase with nulls kept
/// (<c>"skipped": null</c> says the event was not skipped).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    // Deeper than JsonDocument's default (64), so an event that parsed is never refused for depth.
    MaxDepth = 128,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CloudWatchEvent<JsonElement>))]
[JsonSerializable(typeof(CloudWatchEvent<CloudTrailDetail>))]
[JsonSerializable(typeof(CloudWatchEvent<InstanceStateChangeDetail>))]
[JsonSerializable(typeof(ClassifiedEventDocument))]
public sealed partial class EventsJsonContext : JsonSerializerContext;
