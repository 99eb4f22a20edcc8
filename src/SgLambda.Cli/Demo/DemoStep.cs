namespace SgLambda.Cli.Demo;

/// <summary>
/// One step of the tutorial: what the user does (returning what happened, for the printout), and the verdicts
/// that must follow. A step with <see cref="PendingReason"/> is shown but not run.
/// </summary>
internal sealed record DemoStep(
    string Title,
    Func<DemoWorld, CancellationToken, Task<IReadOnlyList<string>>> Act,
    IReadOnlyList<DemoCheck> Checks,
    string? PendingReason = null);
