namespace SgLambda.Functions.Sqs;

/// <summary>A message to retry: its <see cref="SQSMessage.MessageId"/>.</summary>
public sealed record SQSBatchItemFailure(string ItemIdentifier);
