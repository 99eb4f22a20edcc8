namespace SgLambda.Cli.Output;

/// <summary>How a piece of human output is shown on a colour terminal (plain text elsewhere).</summary>
internal enum TextStyle
{
    Plain,
    Bold,
    Dim,
    Good,
    Bad,
    Warning,
    Accent,
}
