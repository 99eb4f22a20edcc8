using System.Collections.Concurrent;

namespace SgLambda.Emulators.Aws;

/// <summary>
/// How many calls of each action the emulator received (failed and faulted ones included), so tests can
/// check that handling one event costs a constant number of calls.
/// </summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _serviceTicks;

    /// <summary>The time spent serving calls, from reading the request to writing the answer: the emulator's share of a client's time.</summary>
    public TimeSpan ServiceTime => TimeSpan.FromTicks(Interlocked.Read(ref _serviceTicks));

    public int Count(string action) => _counts.GetValueOrDefault(action);

    public int Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _serviceTicks, 0);
    }

    internal void RecordServiceTime(TimeSpan elapsed) => Interlocked.Add(ref _serviceTicks, elapsed.Ticks);

    internal void Record(string action) => _counts.AddOrUpdate(action, 1, (_, n) => n + 1);
}
