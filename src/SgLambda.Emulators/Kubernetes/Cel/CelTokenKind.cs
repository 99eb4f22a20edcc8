namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>Lexical classes of CEL.</summary>
public enum CelTokenKind
{
    Identifier,
    Integer,
    UnsignedInteger,
    Double,
    String,
    /// <summary>Operators and punctuation; the token's text says which.</summary>
    Symbol,
    End,
}
