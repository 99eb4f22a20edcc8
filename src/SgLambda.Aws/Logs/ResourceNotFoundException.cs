using System.Net;
using Amazon.Runtime;

namespace SgLambda.Aws.Logs;

/// <summary>The log group (or stream) does not exist.</summary>
public sealed class ResourceNotFoundException : AmazonCloudWatchLogsException
{
    public ResourceNotFoundException()
    {
    }

    public ResourceNotFoundException(string message)
        : base(message)
    {
    }

    public ResourceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceNotFoundException(string message, string? requestId, HttpStatusCode statusCode)
        : base(message, ErrorType.Sender, nameof(ResourceNotFoundException), requestId, statusCode)
    {
    }
}
