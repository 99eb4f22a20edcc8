namespace SgLambda.Emulators.Aws;

/// <summary>
/// The events the emulator emitted, in order. A call's events are appended before its answer is sent,
/// so they are there when the client's call returns. Thread-safe.
/// </summary>
public sealed class EventFeed
{
    private readonly Lock _gate = new();
    private readonly List<EmittedEvent> _events = [];

    /// <summary>
    /// Raised for each event as it is appended, on the thread that handled the call and while the account
    /// is locked: hand the event on (to a queue, say) rather than calling the emulator from the handler.
    /// </summary>
    public event EventHandler<EmittedEvent>? Emitted;

    public IReadOnlyList<EmittedEvent> All
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _events.Count;
        }
    }

    /// <summary>Returns the events so far and forgets them.</summary>
    public IReadOnlyList<EmittedEvent> Drain()
    {
        lock (_gate)
        {
            var drained = _events.ToList();
            _events.Clear();
            return drained;
        }
    }

    internal void Append(EmittedEvent emitted)
    {
        lock (_gate) _events.Add(emitted);
        Emitted?.Invoke(this, emitted);
    }
}
