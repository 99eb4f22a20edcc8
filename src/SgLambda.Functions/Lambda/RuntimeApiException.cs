using System.Net;

namespace SgLambda.Functions.Lambda;

/// <summary>The Runtime API answered with a status the runtime cannot carry on from (500: the container is gone).</summary>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string request, HttpStatusCode status, string body)
        : base($"{request}: HTTP {(int)status} {body}")
    {
        Status = status;
    }

    public HttpStatusCode Status { get; }
}
