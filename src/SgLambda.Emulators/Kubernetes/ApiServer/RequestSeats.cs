namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>The requests being served right now, against a limit that may change between requests. Thread-safe.</summary>
internal sealed class RequestSeats
{
    private int _taken;

    /// <summary>Takes a seat, granted when fewer than <paramref name="limit"/> are taken (always when null); dispose to give it back.</summary>
    public RequestSeat Take(int? limit)
    {
        var taken = Interlocked.Increment(ref _taken);
        return new RequestSeat(this, limit is null || taken <= limit);
    }

    internal void Release() => Interlocked.Decrement(ref _taken);
}
