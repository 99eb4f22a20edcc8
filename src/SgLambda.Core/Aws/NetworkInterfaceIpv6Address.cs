namespace SgLambda.Core.Aws;

/// <summary>One IPv6 address of an ENI.</summary>
public sealed record NetworkInterfaceIpv6Address
{
    public required string Ipv6Address { get; init; }
    public bool? IsPrimaryIpv6 { get; init; }
}
