using System.Collections.Immutable;

namespace SgLambda.Core.Calico;

/// <summary>
/// A Kubernetes label selector in its string form (<c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>,
/// <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, comma = and), for the in-memory store that stands in for the
/// API server offline. (Calico's own selector language is a different one.)
/// </summary>
public sealed class KubernetesLabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private KubernetesLabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    public static KubernetesLabelSelector Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitTopLevel(selector))
        {
            var text = part.Trim();
            if (text.Length == 0) continue;
            requirements.Add(ParseRequirement(text));
        }
        return new KubernetesLabelSelector(requirements);
    }

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= ImmutableDictionary<string, string>.Empty;
        return _requirements.All(r => r(labels));
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        if (text.StartsWith('!')) { var key = text[1..].Trim(); return l => !l.ContainsKey(key); }
        var notIn = text.IndexOf(" notin ", StringComparison.Ordinal);
        if (notIn > 0) { var (key, values) = SetRequirement(text, notIn, " notin ".Length); return l => !l.TryGetValue(key, out var v) || !values.Contains(v); }
        var @in = text.IndexOf(" in ", StringComparison.Ordinal);
        if (@in > 0) { var (key, values) = SetRequirement(text, @in, " in ".Length); return l => l.TryGetValue(key, out var v) && values.Contains(v); }
        var notEqual = text.IndexOf("!=", StringComparison.Ordinal);
        if (notEqual > 0) { var key = text[..notEqual].Trim(); var value = text[(notEqual + 2)..].Trim(); return l => !l.TryGetValue(key, out var v) || v != value; }
        var equal = text.IndexOf('=', StringComparison.Ordinal);
        if (equal > 0)
        {
            var key = text[..equal].Trim();
            var value = text[(equal + 1)..].TrimStart('=').Trim();
            return l => l.TryGetValue(key, out var v) && v == value;
        }
        return l => l.ContainsKey(text);
    }

    private static (string Key, HashSet<string> Values) SetRequirement(string text, int at, int operatorLength)
    {
        var key = text[..at].Trim();
        var list = text[(at + operatorLength)..].Trim();
        if (!list.StartsWith('(') || !list.EndsWith(')')) throw new FormatException($"label selector '{text}': expected a list in parentheses");
        var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return (key, values);
    }

    // Commas inside "(a,b)" belong to a set, not to the list of requirements.
    private static IEnumerable<string> SplitTopLevel(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            if (selector[i] == '(') depth++;
            else if (selector[i] == ')') depth--;
            else if (selector[i] == ',' && depth == 0) { yield return selector[start..i]; start = i + 1; }
        }
        yield return selector[start..];
    }
}
