namespace SgLambda.Cli.Demo;

/// <summary>A fixed clock, so that every demo run prints and writes the same thing.</summary>
internal sealed class DemoClock : TimeProvider
{
    public static DemoClock Instance { get; } = new();

    private static readonly DateTimeOffset Start = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Start;
}
