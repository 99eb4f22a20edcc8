namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A field whose ownership the emulator's server-side apply tracks: a top-level field (<c>.spec</c> when it is
/// not an object), a child of a top-level object (<c>.spec.order</c>), a label or annotation key
/// (<c>.metadata.labels.app</c>), or another metadata field (<c>.metadata.finalizers</c>).
/// </summary>
public sealed record ManagedFieldPath
{
    public ManagedFieldPath(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Length is 0 or > 3) throw new ArgumentException("a field path has one to three segments", nameof(segments));
        Segments = segments;
    }

    public IReadOnlyList<string> Segments { get; }

    public bool Equals(ManagedFieldPath? other) => other is not null && Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in Segments) hash.Add(segment, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>As structured-merge-diff prints a path in conflict messages: <c>.spec.order</c>.</summary>
    public override string ToString() => "." + string.Join(".", Segments);
}
