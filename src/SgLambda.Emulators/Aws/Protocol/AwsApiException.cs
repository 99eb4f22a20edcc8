namespace SgLambda.Emulators.Aws.Protocol;

/// <summary>
/// An error the emulated service answers with: its error code (e.g. <c>InvalidGroup.NotFound</c>), message
/// and HTTP status. Thrown before any state change, so a failed call changes nothing.
/// </summary>
public sealed class AwsApiException : Exception
{
    public AwsApiException()
        : this("InternalError", "An internal error has occurred", 500)
    {
    }

    public AwsApiException(string message)
        : this("InvalidParameterValue", message, 400)
    {
    }

    public AwsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalError";
        HttpStatus = 500;
    }

    public AwsApiException(string code, string message, int httpStatus = 400)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public string Code { get; }

    public int HttpStatus { get; }

    /// <summary>4xx: the caller's fault. CloudTrail prefixes EC2 error codes with Client. or Server. accordingly.</summary>
    public bool IsClientError => HttpStatus < 500;
}
