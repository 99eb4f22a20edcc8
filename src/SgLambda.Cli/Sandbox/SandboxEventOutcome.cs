namespace SgLambda.Cli.Sandbox;

/// <summary>The change handler's answer to one event: <c>applied</c>, <c>unchanged</c> or <c>skipped</c>, and why.</summary>
internal sealed record SandboxEventOutcome(string Status, string? Reason);
