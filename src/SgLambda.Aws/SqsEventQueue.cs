using Amazon.SQS;
using Amazon.SQS.Model;
using SgLambda.Core.Ports;

namespace SgLambda.Aws;

/// <summary>The change queue on AWSSDK.SQS: one SendMessage per event (the body is the event as delivered).</summary>
public sealed class SqsEventQueue(IAmazonSQS sqs, string queueUrl) : IEventQueue
{
    public Task SendAsync(string eventJson, CancellationToken cancellationToken) =>
        sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = eventJson }, cancellationToken);
}
