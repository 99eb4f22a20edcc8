using System.Collections.Immutable;

namespace SgLambda.Core.Calico;

/// <summary>One condition of a <see cref="LabelQuery"/> on one label key.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">Presence, or presence with one of <paramref name="Values"/>.</param>
/// <param name="Values">The values <see cref="LabelOperator.Equals"/> or <see cref="LabelOperator.In"/> accepts (sorted: a query is written one way only); empty for <see cref="LabelOperator.Exists"/>.</param>
public sealed record LabelRequirement(string Key, LabelOperator Operator, ImmutableSortedSet<string> Values)
{
    /// <summary>Whether <paramref name="labels"/> meet the requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Operator switch
        {
            LabelOperator.Exists => labels.ContainsKey(Key),
            _ => labels.TryGetValue(Key, out var value) && Values.Contains(value),
        };
    }

    public bool Equals(LabelRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Key, Operator, Values.Count);
}
