using System.Collections.Concurrent;

namespace SgLambda.Emulators.Aws;

/// <summary>
/// How many calls of each action the emulator received (failed and faulted ones included), so tests can
/// check that handling one event costs a constant number of calls.
/// </summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public int Count(string action) => counts.GetValueOrDefault(action);

    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(counts, StringComparer.Ordinal);

    public void Reset() => counts.Clear();

    internal void Record(string action) => counts.AddOrUpdate(action, 1, (_, n) => n + 1);
}
