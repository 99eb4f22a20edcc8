namespace SgLambda.Diagnostics.Doctor;

/// <summary>The functions' dead-letter queue: SQS's ApproximateNumberOfMessages.</summary>
public sealed record DeadLetterQueueState(string QueueUrl, int ApproximateNumberOfMessages);
