namespace SgLambda.TestSupport.Admission;

/// <summary>An admitted review fixture and the pod's labels (<c>key=value</c>, sorted) once its patch is applied.</summary>
public record AllowedCase(string File, string[] Labels)
{
    public override string ToString() => File;
}
