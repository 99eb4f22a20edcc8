using System.Globalization;

namespace SgLambda.Benchmarks;

/// <summary>How large a synthetic account a benchmark renders.</summary>
public sealed record AccountSize(int SecurityGroups, int NetworkInterfaces)
{
    /// <summary>The seed every benchmark uses, so every run measures the same account.</summary>
    public const int Seed = 20_240_601;

    public static IReadOnlyList<AccountSize> All { get; } = [new(100, 400), new(1_000, 4_000), new(5_000, 20_000)];

    public static AccountSize Largest => All[^1];

    // BenchmarkDotNet shows parameters by ToString.
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SecurityGroups}sg/{NetworkInterfaces}eni");
}
