using System.Net;
using Amazon.Runtime;

namespace SgLambda.Aws.Rds;

/// <summary>An RDS error response (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>), as AWSSDK.RDS reports it.</summary>
public class AmazonRDSException : AmazonServiceException
{
    public AmazonRDSException()
    {
    }

    public AmazonRDSException(string message)
        : base(message)
    {
    }

    public AmazonRDSException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AmazonRDSException(string message, ErrorType errorType, string errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, errorType, errorCode, requestId, statusCode)
    {
    }
}
