namespace SgLambda.Emulators.Aws;

/// <summary>How an <see cref="Ec2Emulator"/> presents itself.</summary>
public sealed record Ec2EmulatorOptions
{
    public string AccountId { get; init; } = "123456789012";
    public string Region { get; init; } = "us-east-1";
    /// <summary>Seeds ids and random faults: the same seed and calls give the same ids.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>
    /// Record failed mutating calls too (with errorCode, errorMessage and null responseElements), as
    /// CloudTrail does; the event path must skip them.
    /// </summary>
    public bool EmitFailedCallEvents { get; init; } = true;
    /// <summary>The IAM user CloudTrail names as the caller.</summary>
    public string UserName { get; init; } = "sglambda-emulator";
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }
    /// <summary>
    /// Told the service and name of each action a client called that the emulator does not implement (the client
    /// gets EC2's <c>InvalidAction</c>), so that a sandbox can say which call its user's client needs.
    /// </summary>
    public Action<string, string>? UnimplementedAction { get; init; }
}
