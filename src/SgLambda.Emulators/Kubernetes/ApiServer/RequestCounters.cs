using System.Collections.Concurrent;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>How many requests the emulator received, per verb, group and resource (faulted ones included). Thread-safe.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<RequestKey, int> _counts = new();
    private long _serviceTicks;

    /// <summary>The time spent serving requests (injected latency included): the emulator's share of a client's time.</summary>
    public TimeSpan ServiceTime => TimeSpan.FromTicks(Interlocked.Read(ref _serviceTicks));

    public void RecordServiceTime(TimeSpan elapsed) => Interlocked.Add(ref _serviceTicks, elapsed.Ticks);

    public void Record(RequestKey request) => _counts.AddOrUpdate(request, 1, (_, count) => count + 1);

    /// <summary>Requests with this verb on this resource, in any group unless <paramref name="group"/> is given.</summary>
    public int Count(string verb, string resource, string? group = null) =>
        _counts.Where(pair => string.Equals(pair.Key.Verb, verb, StringComparison.Ordinal)
                && string.Equals(pair.Key.Resource, resource, StringComparison.Ordinal)
                && (group is null || string.Equals(pair.Key.Group, group, StringComparison.Ordinal)))
            .Sum(pair => pair.Value);

    /// <summary>Every request so far, by verb, group and resource.</summary>
    public IReadOnlyDictionary<RequestKey, int> Snapshot() => new Dictionary<RequestKey, int>(_counts);

    public int Total => _counts.Values.Sum();

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _serviceTicks, 0);
    }
}
