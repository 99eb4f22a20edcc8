namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>CEL's <c>null</c> value.</summary>
public sealed class CelNull
{
    public static readonly CelNull Value = new();

    private CelNull() { }

    public override string ToString() => "null";
}
