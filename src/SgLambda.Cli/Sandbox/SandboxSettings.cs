namespace SgLambda.Cli.Sandbox;

/// <summary>How a <see cref="SandboxWorld"/> presents itself: the account, its region, the clock and the cluster API's security.</summary>
internal sealed record SandboxSettings
{
    public required string Region { get; init; }
    public string AccountId { get; init; } = "123456789012";
    /// <summary>Seeds the ids the EC2 emulator makes: the same seed and calls give the same ids.</summary>
    public int Seed { get; init; } = 1;
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>Serve the Kubernetes API over HTTPS (a fresh CA), as a cluster does.</summary>
    public bool UseTls { get; init; }
    /// <summary>The bearer token the Kubernetes API requires; null accepts any.</summary>
    public string? BearerToken { get; init; }
    /// <summary>The EC2/RDS/STS endpoint's loopback port; 0 picks a free one.</summary>
    public int AwsPort { get; init; }
    /// <summary>Where the functions' structured logs go.</summary>
    public required TextWriter FunctionLog { get; init; }
    /// <summary>Told the service and action of each call a client made that the EC2/RDS/STS emulator does not implement.</summary>
    public Action<string, string>? UnimplementedAction { get; init; }
    /// <summary>Told, in one line, what the admission webhook did with each pod the cluster API admitted (or why it failed).</summary>
    public Action<string>? PodAdmitted { get; init; }

    /// <summary>
    /// Whether the cluster starts with SgLambda's webhook registered (true, as a cluster it is installed on); false for a
    /// cluster it is about to be installed on (<see cref="SandboxWorld.InstallWebhook"/> registers it then).
    /// </summary>
    public bool WebhookInstalled { get; init; } = true;
}
