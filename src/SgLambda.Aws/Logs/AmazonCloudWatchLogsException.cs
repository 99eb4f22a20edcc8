using System.Net;
using Amazon.Runtime;

namespace SgLambda.Aws.Logs;

/// <summary>A CloudWatch Logs error (<c>{"__type": ..., "message": ...}</c>), as AWSSDK.CloudWatchLogs reports it.</summary>
public class AmazonCloudWatchLogsException : AmazonServiceException
{
    public AmazonCloudWatchLogsException()
    {
    }

    public AmazonCloudWatchLogsException(string message)
        : base(message)
    {
    }

    public AmazonCloudWatchLogsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AmazonCloudWatchLogsException(string message, ErrorType errorType, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorType, errorCode, requestId, statusCode)
    {
    }
}
