namespace SgLambda.Emulators.Aws;

/// <summary>A failure the emulator can inject into a call, before the call changes anything.</summary>
public enum FaultKind
{
    /// <summary>EC2 <c>RequestLimitExceeded</c> (HTTP 503); RDS <c>Throttling</c> (HTTP 400).</summary>
    Throttling,

    /// <summary>EC2 <c>InternalError</c>; RDS <c>InternalFailure</c> (HTTP 500).</summary>
    InternalError,

    /// <summary>EC2 <c>Unavailable</c>; RDS <c>ServiceUnavailable</c> (HTTP 503).</summary>
    Unavailable,

    /// <summary>
    /// No answer for <see cref="FaultInjector.TimeoutDelay"/>: longer than a client's timeout. A client that
    /// gives up first changes nothing; one that waits gets the call done.
    /// </summary>
    Timeout,
}
