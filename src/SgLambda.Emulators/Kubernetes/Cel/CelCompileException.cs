namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>A CEL rule this interpreter cannot parse, or that uses a construct it does not implement.</summary>
public sealed class CelCompileException : Exception
{
    public CelCompileException() { }

    public CelCompileException(string message) : base(message) { }

    public CelCompileException(string message, Exception innerException) : base(message, innerException) { }
}
