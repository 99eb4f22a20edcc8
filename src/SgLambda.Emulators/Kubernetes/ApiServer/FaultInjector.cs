namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// Injected failures: scripted (the next N matching requests fail with a given fault) and random (each request
/// fails with a given probability, from a seeded generator, so a run is reproducible). Faults are decided
/// before a request touches any state. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ScriptedFault> _scripted = [];
    private readonly Dictionary<FaultKind, double> _probabilities = [];
    private readonly Random _random;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<FaultKind, int> _injected = new();

    private int _injectedCount;

    public FaultInjector(int seed) => _random = new Random(seed);

    /// <summary>How long a <see cref="FaultKind.Delay"/> fault holds the request before answering 504.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Retry-After</c> seconds of a 429 (Kubernetes answers 1).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>How long every request takes before it is answered (a real API server's round trip: 10-20 ms from a Lambda function in the VPC, more from outside).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// At most this many requests are served at once; one more is answered 429 with <c>Retry-After</c>, as API
    /// priority and fairness rejects a flow beyond its priority level's seats (without the queueing it does first).
    /// Null: no limit.
    /// </summary>
    public int? ConcurrencyLimit { get; set; }

    /// <summary>The next <paramref name="count"/> requests matching the verb and resource (null = any) fail with <paramref name="kind"/>.</summary>
    public void Enqueue(FaultKind kind, int count = 1, string? verb = null, string? resource = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate) _scripted.Add(new ScriptedFault(kind, count, verb, resource));
    }

    /// <summary>Every request fails with <paramref name="kind"/> with this probability (0 to stop).</summary>
    public void SetProbability(FaultKind kind, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        lock (_gate) _probabilities[kind] = probability;
    }

    /// <summary>How many requests were answered with <paramref name="kind"/> (a 429 beyond <see cref="ConcurrencyLimit"/> included).</summary>
    public int Injected(FaultKind kind) => _injected.GetValueOrDefault(kind);

    internal void RecordInjected(FaultKind kind) => _injected.AddOrUpdate(kind, 1, (_, count) => count + 1);

    /// <summary>Removes every scripted fault and probability.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _scripted.Clear();
            _probabilities.Clear();
        }
    }

    /// <summary>How many faults were injected so far.</summary>
    public int InjectedCount
    {
        get
        {
            lock (_gate) return _injectedCount;
        }
    }

    /// <summary>The fault for this request, if any (consumes a scripted one).</summary>
    public FaultKind? Next(RequestKey request)
    {
        lock (_gate)
        {
            var fault = Choose(request);
            if (fault is not null) _injectedCount++;
            return fault;
        }
    }

    private FaultKind? Choose(RequestKey request)
    {
        {
            var index = _scripted.FindIndex(fault => fault.Matches(request));
            if (index >= 0)
            {
                var fault = _scripted[index];
                if (fault.Remaining == 1) _scripted.RemoveAt(index);
                else _scripted[index] = fault with { Remaining = fault.Remaining - 1 };
                return fault.Kind;
            }
            foreach (var (kind, probability) in _probabilities.OrderBy(pair => pair.Key))
            {
                // Deterministic for a given seed and request sequence: test and demo runs reproduce.
#pragma warning disable CA5394
                if (probability > 0 && _random.NextDouble() < probability) return kind;
#pragma warning restore CA5394
            }
            return null;
        }
    }

    private sealed record ScriptedFault(FaultKind Kind, int Remaining, string? Verb, string? Resource)
    {
        public bool Matches(RequestKey request) =>
            (Verb is null || string.Equals(Verb, request.Verb, StringComparison.Ordinal))
            && (Resource is null || string.Equals(Resource, request.Resource, StringComparison.Ordinal));
    }
}
