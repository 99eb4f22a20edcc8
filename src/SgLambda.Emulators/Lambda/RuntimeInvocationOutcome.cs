namespace SgLambda.Emulators.Lambda;

/// <summary>How an invocation ended: the response the runtime posted, or the error (an invocation or init error).</summary>
public sealed record RuntimeInvocationOutcome(string RequestId, string? Response, RuntimeErrorReport? Error)
{
    public bool Succeeded => Error is null;
}
