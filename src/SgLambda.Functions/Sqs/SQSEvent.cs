namespace SgLambda.Functions.Sqs;

/// <summary>
/// What the SQS event source mapping hands the function: a batch of messages ("Using Lambda with Amazon
/// SQS", example event), named as Amazon.Lambda.SQSEvents names it (that package is not needed for so little).
/// </summary>
public sealed record SQSEvent
{
    public IReadOnlyList<SQSMessage>? Records { get; init; }
}
