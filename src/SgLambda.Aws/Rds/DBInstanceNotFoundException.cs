using System.Net;
using Amazon.Runtime;

namespace SgLambda.Aws.Rds;

/// <summary>RDS error code <c>DBInstanceNotFound</c>.</summary>
public sealed class DBInstanceNotFoundException : AmazonRDSException
{
    public const string Code = "DBInstanceNotFound";

    public DBInstanceNotFoundException()
    {
    }

    public DBInstanceNotFoundException(string message)
        : base(message)
    {
    }

    public DBInstanceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DBInstanceNotFoundException(string message, ErrorType errorType, string? requestId, HttpStatusCode statusCode)
        : base(message, errorType, Code, requestId, statusCode)
    {
    }
}
