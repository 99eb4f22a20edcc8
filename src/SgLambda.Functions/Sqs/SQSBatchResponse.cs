namespace SgLambda.Functions.Sqs;

/// <summary>
/// The answer to an <see cref="SQSEvent"/> with <c>FunctionResponseTypes: [ReportBatchItemFailures]</c>:
/// the messages to retry (the others are deleted). Named as Amazon.Lambda.SQSEvents names it.
/// </summary>
public sealed record SQSBatchResponse(IReadOnlyList<SQSBatchItemFailure> BatchItemFailures);
