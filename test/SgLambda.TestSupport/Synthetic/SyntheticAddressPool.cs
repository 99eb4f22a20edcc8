using System.Net;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// Private addresses for the synthetic VPC: one subnet per zone in each /16 (10.0.0.0/16 is the VPC's
/// primary CIDR; a large account continues in 10.1.0.0/16 and on, as secondary CIDR blocks), addresses
/// handed out in order, skipping the ones AWS reserves. IPv6 from one /64 per zone of the VPC's /56.
/// </summary>
internal sealed class SyntheticAddressPool(SyntheticIds ids)
{
    public const string Region = "us-east-1";
    public const string VpcCidr = "10.0.0.0/16";
    public const string VpcIpv6Cidr = "2600:1f18:4a3:6b00::/56";
    /// <summary>The VPC's DNS resolver (base + 2), which rules sometimes name.</summary>
    public const string DnsResolver = "10.0.0.2";

    public static IReadOnlyList<string> Zones { get; } = ["us-east-1a", "us-east-1b", "us-east-1c"];

    // Each zone owns a /18 in every /16: 10.k.0.0/18, 10.k.64.0/18, 10.k.128.0/18.
    private const int SubnetSize = 1 << 14;
    // AWS reserves the first four and the last address of every subnet.
    private const int FirstUsable = 4;
    private const int LastUsable = SubnetSize - 2;
    // Multiplying by an odd constant is a bijection on 64 bits: distinct counters, distinct ids.
    private const ulong InterfaceIdSpread = 0x9E3779B97F4A7C15;
    private static readonly byte[] Ipv6Prefix = IPAddress.Parse("2600:1f18:4a3:6b00::").GetAddressBytes();

    private readonly int[] _block = new int[Zones.Count];
    private readonly int[] _offset = [.. Zones.Select(_ => FirstUsable)];
    private readonly ulong[] _ipv6Count = new ulong[Zones.Count];
    private readonly Dictionary<(int Zone, int Block), string> _subnets = [];

    /// <summary>Consecutive IPv4 addresses in one subnet of the zone (all IPs of an ENI share its subnet).</summary>
    public IReadOnlyList<string> Ipv4(int zone, int count, out string subnetId)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, LastUsable - FirstUsable + 1);
        if (_offset[zone] + count - 1 > LastUsable)
        {
            _block[zone]++;
            _offset[zone] = FirstUsable;
        }
        var block = _block[zone];
        if (block > 255) throw new InvalidOperationException("the synthetic VPC ran out of 10.0.0.0/8 addresses");
        subnetId = SubnetId(zone, block);
        var subnetBase = (10u << 24) | ((uint)block << 16) | ((uint)zone << 14);
        var addresses = new List<string>(count);
        for (var i = 0; i < count; i++) addresses.Add(ToAddress(subnetBase + (uint)(_offset[zone] + i)));
        _offset[zone] += count;
        return addresses;
    }

    /// <summary>An IPv6 address in the zone's /64, with an interface id that looks random but never repeats.</summary>
    public string Ipv6(int zone)
    {
        var interfaceId = ++_ipv6Count[zone] * InterfaceIdSpread;
        var bytes = (byte[])Ipv6Prefix.Clone();
        bytes[7] = (byte)zone;
        for (var i = 0; i < 8; i++) bytes[15 - i] = (byte)(interfaceId >> (8 * i));
        return new IPAddress(bytes).ToString();
    }

    /// <summary>EC2's private DNS name in us-east-1: <c>ip-10-0-1-5.ec2.internal</c>.</summary>
    public static string DnsName(string ipv4) => "ip-" + ipv4.Replace('.', '-') + ".ec2.internal";

    private string SubnetId(int zone, int block)
    {
        if (!_subnets.TryGetValue((zone, block), out var id))
        {
            id = ids.Next("subnet");
            _subnets[(zone, block)] = id;
        }
        return id;
    }

    private static string ToAddress(uint value) =>
        new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
}
