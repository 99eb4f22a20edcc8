namespace SgLambda.Core.Calico;

/// <summary>Where a host endpoint lives and which IPs select it.</summary>
public sealed record HostEndpointSpec
{
    public required string Node { get; init; }
    /// <summary><c>*</c> for an enforced node (all interfaces); null for VPC members.</summary>
    public string? InterfaceName { get; init; }
    public IReadOnlyList<string>? ExpectedIPs { get; init; }
    public IReadOnlyList<string>? Profiles { get; init; }
}
