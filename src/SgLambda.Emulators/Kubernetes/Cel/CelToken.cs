namespace SgLambda.Emulators.Kubernetes.Cel;

/// <summary>One token of a CEL expression; <see cref="Value"/> is the decoded literal for literals.</summary>
public readonly record struct CelToken(CelTokenKind Kind, string Text, object? Value, int Position)
{
    public bool IsSymbol(string symbol) => Kind == CelTokenKind.Symbol && string.Equals(Text, symbol, StringComparison.Ordinal);
}
