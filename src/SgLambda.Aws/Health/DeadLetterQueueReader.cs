using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Aws.Health;

/// <summary>How many messages wait in the functions' dead-letter queue (SQS GetQueueAttributes).</summary>
public sealed class DeadLetterQueueReader(IAmazonSQS sqs)
{
    public const string DepthAttribute = "ApproximateNumberOfMessages";

    public async Task<DeadLetterQueueState> ReadAsync(string queueUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        var response = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [DepthAttribute] }, cancellationToken);
        var text = response.Attributes?.GetValueOrDefault(DepthAttribute)
            ?? throw new InvalidDataException($"SQS answered GetQueueAttributes for {queueUrl} without {DepthAttribute}");
        return new DeadLetterQueueState(queueUrl, int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
