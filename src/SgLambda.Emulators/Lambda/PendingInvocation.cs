namespace SgLambda.Emulators.Lambda;

/// <summary>An invocation waiting for its outcome, which tests await.</summary>
internal sealed class PendingInvocation(RuntimeInvocation invocation)
{
    public RuntimeInvocation Invocation { get; } = invocation;

    public TaskCompletionSource<RuntimeInvocationOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
