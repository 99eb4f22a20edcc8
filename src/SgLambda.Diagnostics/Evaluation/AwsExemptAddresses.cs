using System.Net;
using System.Net.Sockets;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// Addresses AWS never filters by SGs: the Amazon DNS resolver (the VPC's primary CIDR base + 2,
/// 169.254.169.253, fd00:ec2::253), the Time Sync Service and the instance metadata service.
/// </summary>
public static class AwsExemptAddresses
{
    public static IPAddress InstanceMetadataV4 { get; } = IPAddress.Parse("169.254.169.254");
    public static IPAddress InstanceMetadataV6 { get; } = IPAddress.Parse("fd00:ec2::254");

    private static readonly Dictionary<IPAddress, string> Fixed = new()
    {
        [IPAddress.Parse("169.254.169.253")] = "Amazon DNS resolver",
        [IPAddress.Parse("fd00:ec2::253")] = "Amazon DNS resolver",
        [IPAddress.Parse("169.254.169.123")] = "Amazon Time Sync Service",
        [IPAddress.Parse("fd00:ec2::123")] = "Amazon Time Sync Service",
        [InstanceMetadataV4] = "instance metadata service",
        [InstanceMetadataV6] = "instance metadata service",
    };

    public static bool IsInstanceMetadata(IPAddress address) =>
        InstanceMetadataV4.Equals(address) || InstanceMetadataV6.Equals(address);

    /// <summary>The VPC's DNS resolver: base of its primary IPv4 CIDR + 2 (null when the CIDR is unknown).</summary>
    public static IPAddress? VpcResolver(string? primaryCidr)
    {
        if (!IpCidr.TryParse(primaryCidr, out var cidr) || cidr.AddressFamily != AddressFamily.InterNetwork) return null;
        var bytes = cidr.Network.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) + 2;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    /// <summary>Why AWS does not filter traffic to or from this address, or null when it does.</summary>
    public static string? Reason(IPAddress address, IPAddress? vpcResolver)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Equals(vpcResolver)) return "Amazon DNS resolver (VPC base + 2)";
        return Fixed.GetValueOrDefault(address);
    }
}
