using System.Net;

namespace SgLambda.Core.Net;

/// <summary>
/// Destinations AWS never filters with security groups (SEMANTICS.md section 1): the Amazon DNS
/// resolver, the Time Sync service and the instance metadata service, on IPv4 and IPv6.
/// </summary>
public static class AwsServiceAddresses
{
    public static readonly IPAddress DnsResolverLinkLocal = IPAddress.Parse("169.254.169.253");
    public static readonly IPAddress DnsResolverIPv6 = IPAddress.Parse("fd00:ec2::253");
    public static readonly IPAddress TimeSync = IPAddress.Parse("169.254.169.123");
    public static readonly IPAddress TimeSyncIPv6 = IPAddress.Parse("fd00:ec2::123");
    public static readonly IPAddress InstanceMetadata = IPAddress.Parse("169.254.169.254");
    public static readonly IPAddress InstanceMetadataIPv6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>The metadata service addresses, which only the <c>metadata</c> tier decides for pods.</summary>
    public static IReadOnlyList<IPAddress> Metadata { get; } = [InstanceMetadata, InstanceMetadataIPv6];

    /// <summary>The VPC's DNS resolver: the base of its primary CIDR plus two; null if the CIDR is unknown or not IPv4.</summary>
    public static IPAddress? VpcDnsResolver(string? vpcPrimaryCidr)
    {
        if (!Cidr.TryParse(vpcPrimaryCidr, out var cidr) || cidr.IsIPv6 || cidr.PrefixLength > 30) return null;
        var bytes = cidr.BaseAddress.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) + 2;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    /// <summary>Every exempt address for a VPC (the resolver only when its CIDR is known).</summary>
    public static IReadOnlyList<IPAddress> All(string? vpcPrimaryCidr)
    {
        var all = new List<IPAddress>();
        if (VpcDnsResolver(vpcPrimaryCidr) is { } resolver) all.Add(resolver);
        all.AddRange([DnsResolverLinkLocal, DnsResolverIPv6, TimeSync, TimeSyncIPv6, InstanceMetadata, InstanceMetadataIPv6]);
        return all;
    }
}
