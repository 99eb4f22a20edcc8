namespace SgLambda.Emulators.Aws;

/// <summary>
/// Decides which calls fail: scripted ("fail the next N calls of action X") first, then at random with a
/// seeded generator, so a run with the same seed fails the same calls. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    /// <summary>Scripts a fault for any action.</summary>
    public const string AnyAction = "*";

    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly List<(string Action, FaultKind Kind)> _script = [];
    private double _probability;
    private FaultKind[] _randomKinds = [];

    internal FaultInjector(int seed) => _random = new Random(seed);

    /// <summary>
    /// How long every call waits before it is served: the round trip to a real endpoint (10-20 ms from a function in
    /// the region), which the loopback emulator otherwise lacks. Zero by default.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How long a <see cref="FaultKind.Timeout"/> holds the answer back.</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many faults were injected so far.</summary>
    public int InjectedCount { get; private set; }

    /// <summary>Fails the next <paramref name="count"/> calls of <paramref name="action"/> (or of <see cref="AnyAction"/>).</summary>
    public void FailNext(string action, int count, FaultKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _script.Add((action, kind));
        }
    }

    /// <summary>Fails each call with this probability, with one of the kinds picked at random.</summary>
    public void FailRandomly(double probabilityPerCall, params FaultKind[] kinds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probabilityPerCall, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probabilityPerCall, 1);
        ArgumentNullException.ThrowIfNull(kinds);
        lock (_gate)
        {
            _probability = probabilityPerCall;
            _randomKinds = kinds.Length == 0 ? [FaultKind.Throttling, FaultKind.InternalError, FaultKind.Unavailable] : [.. kinds];
        }
    }

    /// <summary>No more faults: clears the script and the random failure rate.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _script.Clear();
            _probability = 0;
        }
    }

    internal FaultKind? Draw(string action)
    {
        lock (_gate)
        {
            var index = _script.FindIndex(s => string.Equals(s.Action, action, StringComparison.Ordinal)
                || string.Equals(s.Action, AnyAction, StringComparison.Ordinal));
            FaultKind? fault = null;
            if (index >= 0)
            {
                fault = _script[index].Kind;
                _script.RemoveAt(index);
            }
            else if (_probability > 0 && _random.NextDouble() < _probability)
            {
                fault = _randomKinds[_random.Next(_randomKinds.Length)];
            }
            if (fault is not null) InjectedCount++;
            return fault;
        }
    }
}
