using System.Globalization;

namespace SgLambda.Benchmarks;

/// <summary>One process run as <c>/usr/bin/time -v</c> reports it: wall clock, user + system CPU, peak RSS.</summary>
public sealed record CommandSample(TimeSpan Wall, TimeSpan Cpu, double PeakRssMiB)
{
    /// <summary>Reads GNU time's verbose report ("Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.31", ...).</summary>
    public static CommandSample Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string Value(string label) =>
            lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))?.Split(": ", 2)[1]
            ?? throw new InvalidOperationException($"/usr/bin/time -v printed no '{label}'");
        double Number(string label) => double.Parse(Value(label), CultureInfo.InvariantCulture);
        var wall = Value("Elapsed (wall clock) time").Split(':').Aggregate(0.0, (total, part) => (total * 60) + double.Parse(part, CultureInfo.InvariantCulture));
        return new CommandSample(
            TimeSpan.FromSeconds(wall),
            TimeSpan.FromSeconds(Number("User time (seconds)") + Number("System time (seconds)")),
            Number("Maximum resident set size (kbytes)") / 1024);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Wall.TotalMilliseconds:F0} ms / {Cpu.TotalMilliseconds:F0} ms / {PeakRssMiB:F0} MiB");
}
