namespace SgLambda.Emulators.Kubernetes.Calico.Selectors;

/// <summary>A selector Calico's parser refuses; the message names the selector, the position and what was expected.</summary>
public sealed class CalicoSelectorSyntaxException : FormatException
{
    public CalicoSelectorSyntaxException()
    {
    }

    public CalicoSelectorSyntaxException(string message)
        : base(message)
    {
    }

    public CalicoSelectorSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalicoSelectorSyntaxException(string selector, int position, string expected)
        : base($"invalid selector \"{selector}\" at position {position}: {expected}")
    {
        Position = position;
    }

    /// <summary>Zero-based position of the offending character or token.</summary>
    public int Position { get; }
}
