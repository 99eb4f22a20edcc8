namespace SgLambda.Cli.Output;

/// <summary>One cell of a <see cref="TextTable"/>: its text, and its style on a colour terminal.</summary>
internal sealed record TableCell(string Text, TextStyle Style = TextStyle.Plain)
{
    public static implicit operator TableCell(string? text) => new(text ?? "");

    public static TableCell FromString(string? text) => new(text ?? "");
}
