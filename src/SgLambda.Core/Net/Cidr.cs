using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SgLambda.Core.Net;

/// <summary>
/// An IPv4 or IPv6 network in canonical form (host bits cleared), as Calico and the evaluators compare
/// them. AWS accepts CIDRs with host bits set ("10.0.0.5/24"); both sides must read them the same way.
/// </summary>
public readonly record struct Cidr(IPAddress Network, int PrefixLength)
{
    public bool IsIPv6 => Network.AddressFamily == AddressFamily.InterNetworkV6;

    public int IpVersion => IsIPv6 ? 6 : 4;

    /// <summary>Parses "a.b.c.d/n", "x::/n" or a bare address (a host route).</summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.Trim() : text[..slash].Trim();
        if (!IPAddress.TryParse(addressText, out var address)) return false;
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)) return false;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
            return false;
        cidr = new Cidr(Mask(address, prefix), prefix);
        return true;
    }

    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not a CIDR");

    /// <summary>A host route for one address.</summary>
    public static Cidr Host(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new Cidr(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != Network.AddressFamily) return false;
        return Mask(address, PrefixLength).Equals(Network);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{PrefixLength}");

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }
}
