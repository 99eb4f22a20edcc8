namespace SgLambda.Core.Aws;

/// <summary>One private IPv4 address of an ENI; <see cref="Primary"/> marks the ENI's primary address.</summary>
public sealed record NetworkInterfacePrivateIpAddress
{
    public required string PrivateIpAddress { get; init; }
    public bool Primary { get; init; }
    public string? PrivateDnsName { get; init; }
}
