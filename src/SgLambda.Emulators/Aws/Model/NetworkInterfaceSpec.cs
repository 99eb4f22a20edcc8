using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// What to seed an ENI with (<see cref="Ec2Account.AddNetworkInterface"/>). Unset IPs are allocated from the
/// subnet; no groups means the VPC's default security group, as CreateNetworkInterface does.
/// </summary>
public sealed record NetworkInterfaceSpec
{
    /// <summary>The subnet; when null, the first subnet of <see cref="VpcId"/>.</summary>
    public string? SubnetId { get; init; }
    public string? VpcId { get; init; }
    public string Description { get; init; } = "";
    public string InterfaceType { get; init; } = "interface";
    public string? RequesterId { get; init; }
    public bool RequesterManaged { get; init; }
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    /// <summary>Private IPv4 addresses; the first is the primary one.</summary>
    public IReadOnlyList<string> PrivateIpAddresses { get; init; } = [];
    public int SecondaryPrivateIpAddressCount { get; init; }
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];
    /// <summary>Attach to this instance at <see cref="DeviceIndex"/>.</summary>
    public string? InstanceId { get; init; }
    public int DeviceIndex { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
