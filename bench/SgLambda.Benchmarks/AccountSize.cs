using System.Globalization;

namespace SgLambda.Benchmarks;

/// <summary>How large a synthetic account a benchmark renders.</summary>
public sealed record AccountSize(int SecurityGroups, int NetworkInterfaces) : IComparable<AccountSize>, IComparable
{
    /// <summary>The seed every benchmark uses, so every run measures the same account.</summary>
    public const int Seed = 20_240_601;

    public static IReadOnlyList<AccountSize> All { get; } = [new(100, 400), new(1_000, 4_000), new(5_000, 20_000)];

    public static AccountSize Largest => All[^1];

    // BenchmarkDotNet shows parameters by ToString and orders them by the non-generic IComparable.
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SecurityGroups}sg/{NetworkInterfaces}eni");

    public int CompareTo(AccountSize? other) =>
        other is null ? 1
        : SecurityGroups != other.SecurityGroups ? SecurityGroups.CompareTo(other.SecurityGroups)
        : NetworkInterfaces.CompareTo(other.NetworkInterfaces);

    public int CompareTo(object? obj) => CompareTo(obj as AccountSize);

    public static bool operator <(AccountSize left, AccountSize right) => Comparer<AccountSize>.Default.Compare(left, right) < 0;
    public static bool operator >(AccountSize left, AccountSize right) => Comparer<AccountSize>.Default.Compare(left, right) > 0;
    public static bool operator <=(AccountSize left, AccountSize right) => Comparer<AccountSize>.Default.Compare(left, right) <= 0;
    public static bool operator >=(AccountSize left, AccountSize right) => Comparer<AccountSize>.Default.Compare(left, right) >= 0;
}
