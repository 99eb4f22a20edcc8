namespace SgLambda.Benchmarks;

/// <summary>One event's wall time (classify, re-read, render, diff, apply) and the part the emulators spent serving its calls.</summary>
public sealed record EventSample(TimeSpan Wall, TimeSpan EmulatorService)
{
    /// <summary>SgLambda's own time: the wall time less the emulators' (the event path makes one call at a time).</summary>
    public TimeSpan Own => Wall - EmulatorService;
}
