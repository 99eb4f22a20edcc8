using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// An emulated EC2 instance. Its network interfaces, security groups and private IP are those of the ENIs
/// attached to it (device index 0 is the primary ENI), as in EC2.
/// </summary>
public sealed record Ec2Instance(
    string InstanceId,
    string ReservationId,
    string ImageId,
    string InstanceType,
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    DateTimeOffset LaunchTime)
{
    /// <summary>pending, running, shutting-down, terminated, stopping, stopped.</summary>
    public string State { get; init; } = InstanceStates.Pending;
    public string? KeyName { get; init; }
    public string? ClientToken { get; init; }
    /// <summary>The primary ENI's id, kept after termination (when the ENI itself may be gone).</summary>
    public string PrimaryNetworkInterfaceId { get; init; } = "";
    public string? PrivateIpAddress { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
