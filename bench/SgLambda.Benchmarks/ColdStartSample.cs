namespace SgLambda.Benchmarks;

/// <summary>One cold start, measured from just before the process starts.</summary>
/// <param name="Init">Until the first <c>next</c>: the runtime is up and the function composed.</param>
/// <param name="FirstResponse">Until the first invocation's response is posted: what a cold invoke waits for.</param>
/// <param name="SecondInvocation">The next invocation, from enqueue to response: the same process, warm.</param>
/// <param name="PeakRssMiB">The process's peak resident set (VmHWM) after the second response.</param>
public sealed record ColdStartSample(TimeSpan Init, TimeSpan FirstResponse, TimeSpan SecondInvocation, double PeakRssMiB);
