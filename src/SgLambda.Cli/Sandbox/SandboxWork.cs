using SgLambda.Emulators.Aws;

namespace SgLambda.Cli.Sandbox;

/// <summary>One thing for the sandbox's functions to do, in arrival order: an event for the change handler, or a reconcile (and why).</summary>
internal sealed record SandboxWork(EmittedEvent? Event, string? ReconcileReason);
