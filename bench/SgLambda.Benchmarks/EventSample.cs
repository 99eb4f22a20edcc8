namespace SgLambda.Benchmarks;

/// <summary>
/// One event's wall time (classify, re-read, render, diff, apply), the part the emulators spent serving its calls,
/// and the collector's pauses during it (the emulators' state shares this process's heap).
/// </summary>
public sealed record EventSample(TimeSpan Wall, TimeSpan EmulatorService, TimeSpan GcPause)
{
    /// <summary>SgLambda's own time: the wall time less the emulators' (the event path makes one call at a time).</summary>
    public TimeSpan Own => Wall - EmulatorService;
}
