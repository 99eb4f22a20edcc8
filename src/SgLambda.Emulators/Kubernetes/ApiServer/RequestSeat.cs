namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>One request's place among those served at once (<see cref="RequestSeats"/>); held, granted or not, until disposed.</summary>
internal readonly struct RequestSeat(RequestSeats seats, bool granted) : IDisposable
{
    public bool Granted { get; } = granted;

    public void Dispose() => seats.Release();
}
