namespace SgLambda.Diagnostics.Evaluation;

/// <summary>A Calico selector that does not parse; the message names the selector, the position and what was expected.</summary>
public sealed class SelectorSyntaxException : FormatException
{
    public SelectorSyntaxException()
    {
    }

    public SelectorSyntaxException(string message)
        : base(message)
    {
    }

    public SelectorSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SelectorSyntaxException(string selector, int position, string expected)
        : base($"invalid selector \"{selector}\" at position {position}: {expected}")
    {
        Selector = selector;
        Position = position;
    }

    /// <summary>The selector text that failed to parse.</summary>
    public string? Selector { get; }

    /// <summary>Zero-based character position of the error.</summary>
    public int Position { get; }
}
