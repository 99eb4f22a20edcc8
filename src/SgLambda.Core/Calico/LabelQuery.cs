using System.Collections.Immutable;

namespace SgLambda.Core.Calico;

/// <summary>
/// Which objects of a kind a list asks for, by their labels: every requirement holds (an empty query asks for
/// all). Typed, so the in-memory store evaluates it directly; only the Kubernetes adapter writes it as a
/// <c>labelSelector</c> string.
/// </summary>
public sealed record LabelQuery
{
    private LabelQuery(ImmutableArray<LabelRequirement> requirements) => Requirements = requirements;

    /// <summary>Every object of the kind.</summary>
    public static LabelQuery Everything { get; } = new(ImmutableArray<LabelRequirement>.Empty);

    /// <summary>The requirements, all of which an object's labels meet.</summary>
    public ImmutableArray<LabelRequirement> Requirements { get; }

    /// <summary>Objects whose label <paramref name="key"/> is <paramref name="value"/> (<c>key=value</c>).</summary>
    public static LabelQuery Equal(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return new([new LabelRequirement(key, LabelOperator.Equals, ImmutableSortedSet.Create(StringComparer.Ordinal, value))]);
    }

    /// <summary>Objects that carry the label <paramref name="key"/>, with any value (<c>key</c>).</summary>
    public static LabelQuery Exists(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new([new LabelRequirement(key, LabelOperator.Exists, ImmutableSortedSet<string>.Empty)]);
    }

    /// <summary>Objects whose label <paramref name="key"/> is one of <paramref name="values"/> (<c>key in (a,b)</c>); at least one value.</summary>
    public static LabelQuery In(string key, IEnumerable<string> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var set = values.ToImmutableSortedSet(StringComparer.Ordinal);
        if (set.IsEmpty) throw new ArgumentException("a label query needs at least one value", nameof(values));
        return new([new LabelRequirement(key, LabelOperator.In, set)]);
    }

    /// <summary>Objects this query and <paramref name="other"/> both ask for.</summary>
    public LabelQuery And(LabelQuery other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Requirements.AddRange(other.Requirements));
    }

    /// <summary>Whether an object with <paramref name="labels"/> is one the query asks for.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= ImmutableDictionary<string, string>.Empty;
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels)) return false;
        }
        return true;
    }

    public bool Equals(LabelQuery? other) => other is not null && Requirements.SequenceEqual(other.Requirements);

    public override int GetHashCode() => Requirements.Length;

    /// <summary>For messages: the requirements as a reader would write them (the wire form is the adapter's business).</summary>
    public override string ToString() =>
        Requirements.IsEmpty
            ? "(everything)"
            : string.Join(" and ", Requirements.Select(r => r.Operator switch
            {
                LabelOperator.Exists => r.Key,
                LabelOperator.Equals => $"{r.Key} is {r.Values[0]}",
                _ => $"{r.Key} in [{string.Join(", ", r.Values)}]",
            }));
}
