using System.Collections.Immutable;
using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>An emulated elastic network interface.</summary>
public sealed record Ec2NetworkInterface(
    string NetworkInterfaceId,
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string OwnerId,
    string MacAddress)
{
    public string Description { get; init; } = "";
    /// <summary>interface, branch, trunk, efa, nat_gateway, network_load_balancer, vpc_endpoint, lambda, ...</summary>
    public string InterfaceType { get; init; } = "interface";
    /// <summary>The account or service that created the ENI for you (<c>amazon-rds</c>, ...); null when you did.</summary>
    public string? RequesterId { get; init; }
    public bool RequesterManaged { get; init; }
    /// <summary>available, in-use, ...</summary>
    public string Status { get; init; } = "available";
    public ImmutableList<Ec2PrivateIp> PrivateIps { get; init; } = [];
    public ImmutableList<string> Ipv6Addresses { get; init; } = [];
    public ImmutableList<string> GroupIds { get; init; } = [];
    public Ec2Attachment? Attachment { get; init; }
    public bool SourceDestCheck { get; init; } = true;
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public string? PrimaryPrivateIp => PrivateIps.FirstOrDefault(ip => ip.Primary)?.Address;
}
