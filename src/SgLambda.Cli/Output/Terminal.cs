namespace SgLambda.Cli.Output;

/// <summary>
/// Whether output goes to a person: colour only on a terminal, never when NO_COLOR is set (no-color.org)
/// or <c>--no-color</c> is given; a progress bar only when stderr is a terminal. Writers the tests pass
/// in are never terminals.
/// </summary>
internal static class Terminal
{
    public const string NoColorVariable = "NO_COLOR";

    /// <summary>True when the writer is the process's own stdout or stderr and that stream is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>The colour decision: a terminal, no <c>--no-color</c>, and NO_COLOR unset or empty.</summary>
    public static bool UseColor(bool isTerminal, bool noColorOption, string? noColorVariable) =>
        isTerminal && !noColorOption && string.IsNullOrEmpty(noColorVariable);

    /// <summary>The painter for a writer, deciding from the environment.</summary>
    public static Painter PainterFor(TextWriter writer, bool noColorOption) =>
        new(UseColor(IsTerminal(writer), noColorOption, Environment.GetEnvironmentVariable(NoColorVariable)));
}
