namespace SgLambda.Core.Calico;

/// <summary>Kind, namespace (null for cluster-scoped) and name: what identifies an object in a cluster.</summary>
public readonly record struct ObjectKey(string Kind, string? Namespace, string Name) : IComparable<ObjectKey>
{
    /// <summary>Sorts by kind, then namespace, then name, in ordinal string order (SEMANTICS.md section 7).</summary>
    public int CompareTo(ObjectKey other)
    {
        var byKind = string.CompareOrdinal(Kind, other.Kind);
        if (byKind != 0) return byKind;
        var byNamespace = string.CompareOrdinal(Namespace, other.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(Name, other.Name);
    }

    public static bool operator <(ObjectKey left, ObjectKey right) => left.CompareTo(right) < 0;
    public static bool operator >(ObjectKey left, ObjectKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(ObjectKey left, ObjectKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ObjectKey left, ObjectKey right) => left.CompareTo(right) >= 0;

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
