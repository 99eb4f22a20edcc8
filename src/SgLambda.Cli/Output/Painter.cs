namespace SgLambda.Cli.Output;

/// <summary>Wraps text in ANSI SGR colour codes when enabled; returns it unchanged otherwise.</summary>
internal sealed class Painter(bool enabled)
{
    private const string Reset = "\u001b[0m";

    public static Painter None { get; } = new(false);

    public bool Enabled { get; } = enabled;

    public string Paint(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enabled || style == TextStyle.Plain || text.Length == 0) return text;
        var code = style switch
        {
            TextStyle.Bold => "\u001b[1m",
            TextStyle.Dim => "\u001b[2m",
            TextStyle.Good => "\u001b[32m",
            TextStyle.Bad => "\u001b[31m",
            TextStyle.Warning => "\u001b[33m",
            _ => "\u001b[36m",
        };
        return code + text + Reset;
    }
}
