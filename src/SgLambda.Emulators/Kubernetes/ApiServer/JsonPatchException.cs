namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>A JSON Patch operation that does not apply to the document (answered as 422 by the API server).</summary>
public sealed class JsonPatchException : Exception
{
    public JsonPatchException()
    {
    }

    public JsonPatchException(string message)
        : base(message)
    {
    }

    public JsonPatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
