using SgLambda.Core.Admission;
using SgLambda.Core.Ports;

namespace SgLambda.Functions.Webhook;

/// <summary>
/// Keeps each namespace read for <see cref="Lifetime"/>, so a burst of pods (a Deployment scaling up) costs one API
/// call and the webhook answers well within the API server's timeout. Failures are not kept: the next pod asks
/// again. A namespace annotation change takes effect within the lifetime.
/// </summary>
public sealed class CachedNamespaceReader(INamespaceReader inner, TimeProvider time, TimeSpan lifetime) : INamespaceReader
{
    /// <summary>30 s: short enough that a changed restriction applies soon, long enough to absorb bursts.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (NamespaceInfo Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan Lifetime { get; } = lifetime;

    public async Task<NamespaceInfo> GetNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(name, out var entry) && entry.Expires > time.GetUtcNow()) return entry.Value;
        }
        var value = await inner.GetNamespaceAsync(name, cancellationToken);
        lock (_gate) _entries[name] = (value, time.GetUtcNow() + Lifetime);
        return value;
    }
}
