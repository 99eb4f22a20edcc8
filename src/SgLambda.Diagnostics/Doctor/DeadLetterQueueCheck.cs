namespace SgLambda.Diagnostics.Doctor;

/// <summary>The change handler's dead-letter queue is empty: every event was applied.</summary>
public static class DeadLetterQueueCheck
{
    public const string Title = "The dead-letter queue is empty";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observed = context.Input.DeadLetterQueue;
        if (observed.SkippedBecause is { } reason) return CheckResult.Skip(CheckIds.DeadLetterQueue, Title, reason);
        var queue = observed.Value!;
        if (queue.ApproximateNumberOfMessages == 0) return CheckResult.Of(CheckIds.DeadLetterQueue, Title, []);
        return CheckResult.Of(CheckIds.DeadLetterQueue, Title,
        [
            new DoctorFinding(CheckIds.DeadLetterQueue, FindingIds.DeadLetters, DoctorSeverity.Warning, queue.QueueUrl,
                $"{queue.ApproximateNumberOfMessages} event(s) in the dead-letter queue",
                "each failed every retry: the cluster missed those changes until the next scheduled reconcile",
                $"aws sqs receive-message --queue-url {queue.QueueUrl} --max-number-of-messages 10 (read why), then {DoctorContext.ReconcileFix}, then aws sqs purge-queue --queue-url {queue.QueueUrl}"),
        ]);
    }
}
