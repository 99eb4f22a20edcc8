namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// An <c>explain</c> question that cannot be answered as asked: an endpoint that does not exist or is
/// ambiguous, or a malformed <c>--port</c>. The message names the option, what was given and what is wrong.
/// </summary>
public sealed class ExplainQueryException : Exception
{
    public ExplainQueryException()
    {
    }

    public ExplainQueryException(string message)
        : base(message)
    {
    }

    public ExplainQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExplainQueryException(string subject, string given, string problem)
        : base($"{subject} {given}: {problem}")
    {
        Subject = subject;
        Given = given;
        Problem = problem;
    }

    /// <summary>The option, e.g. <c>--from</c>.</summary>
    public string? Subject { get; }

    /// <summary>What the user gave.</summary>
    public string? Given { get; }

    /// <summary>What is wrong, e.g. <c>no pod "web" in namespace "shop"</c>.</summary>
    public string? Problem { get; }
}
