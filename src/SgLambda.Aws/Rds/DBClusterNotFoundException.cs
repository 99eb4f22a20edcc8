using System.Net;
using Amazon.Runtime;

namespace SgLambda.Aws.Rds;

/// <summary>RDS error code <c>DBClusterNotFoundFault</c>.</summary>
public sealed class DBClusterNotFoundException : AmazonRDSException
{
    public const string Code = "DBClusterNotFoundFault";

    public DBClusterNotFoundException()
    {
    }

    public DBClusterNotFoundException(string message)
        : base(message)
    {
    }

    public DBClusterNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DBClusterNotFoundException(string message, ErrorType errorType, string? requestId, HttpStatusCode statusCode)
        : base(message, errorType, Code, requestId, statusCode)
    {
    }
}
