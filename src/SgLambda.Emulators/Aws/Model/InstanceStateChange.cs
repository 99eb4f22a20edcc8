namespace SgLambda.Emulators.Aws.Model;

/// <summary>An instance's state before and after a call (TerminateInstances' answer).</summary>
public sealed record InstanceStateChange(string InstanceId, string PreviousState, string CurrentState);
