namespace SgLambda.Core.Aws;

/// <summary>An elastic network interface, shaped as DescribeNetworkInterfaces returns it.</summary>
public sealed record NetworkInterface
{
    public required string NetworkInterfaceId { get; init; }
    public string? VpcId { get; init; }
    public string? SubnetId { get; init; }
    public string? AvailabilityZone { get; init; }
    /// <summary>interface, branch, trunk, efa, nat_gateway, network_load_balancer, vpc_endpoint, lambda, ...</summary>
    public string? InterfaceType { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public string? RequesterId { get; init; }
    public bool? RequesterManaged { get; init; }
    public string? PrivateDnsName { get; init; }
    public string? PrivateIpAddress { get; init; }
    // A list is never null: source-generated JSON sets one the document leaves out to null (dotnet/runtime#84484).
    public IReadOnlyList<GroupIdentifier> Groups { get; init => field = value ?? []; } = [];
    public IReadOnlyList<NetworkInterfacePrivateIpAddress> PrivateIpAddresses { get; init => field = value ?? []; } = [];
    public IReadOnlyList<NetworkInterfaceIpv6Address> Ipv6Addresses { get; init => field = value ?? []; } = [];
    public string? Ipv6Address { get; init; }
    public NetworkInterfaceAttachment? Attachment { get; init; }
    public IReadOnlyList<Tag> TagSet { get; init => field = value ?? []; } = [];
}
