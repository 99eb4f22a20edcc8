namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>A failure the emulator can inject before a request touches any state.</summary>
public enum FaultKind
{
    /// <summary>429 TooManyRequests with <c>Retry-After</c>, as API priority and fairness throttles.</summary>
    TooManyRequests,
    /// <summary>500 InternalError.</summary>
    InternalError,
    /// <summary>503 ServiceUnavailable.</summary>
    ServiceUnavailable,
    /// <summary>No answer for <see cref="FaultInjector.Delay"/> (beyond a client's timeout), then 504 Timeout.</summary>
    Delay,
}
