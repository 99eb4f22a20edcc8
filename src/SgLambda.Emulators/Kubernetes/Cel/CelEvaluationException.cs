namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>
/// A runtime CEL error (<c>no such key: name</c>, <c>no such overload</c>, ...). Kubernetes reports it as an
/// invalid value "... evaluating rule: &lt;message&gt;".
/// </summary>
public sealed class CelEvaluationException : Exception
{
    public CelEvaluationException() { }

    public CelEvaluationException(string message) : base(message) { }

    public CelEvaluationException(string message, Exception innerException) : base(message, innerException) { }
}
