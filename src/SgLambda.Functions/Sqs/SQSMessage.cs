namespace SgLambda.Functions.Sqs;

/// <summary>One message of an <see cref="SQSEvent"/>: the fields the change handler reads.</summary>
public sealed record SQSMessage
{
    /// <summary>What <see cref="SQSBatchItemFailure.ItemIdentifier"/> names to have the message retried.</summary>
    public string? MessageId { get; init; }
    public string? ReceiptHandle { get; init; }
    /// <summary>The EventBridge event, as the rule delivered it.</summary>
    public string? Body { get; init; }
    /// <summary><c>aws:sqs</c>.</summary>
    public string? EventSource { get; init; }
    public string? EventSourceARN { get; init; }
    public string? AwsRegion { get; init; }
    /// <summary>ApproximateReceiveCount, SentTimestamp, ...</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
