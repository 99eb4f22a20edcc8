using System.Text.Json.Serialization;

namespace SgLambda.Functions.Sqs;

/// <summary>
/// Source-generated JSON for the SQS event and the batch response (trimming and Native AOT safe). The
/// event's keys are camelCase except <c>Records</c>; reading ignores case, writing is camelCase
/// (<c>batchItemFailures</c>, <c>itemIdentifier</c>), as Lambda documents them.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
public sealed partial class SqsJsonContext : JsonSerializerContext;
