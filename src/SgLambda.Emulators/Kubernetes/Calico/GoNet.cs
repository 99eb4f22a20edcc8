using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SgLambda.Emulators.Kubernetes.Calico;

/// <summary>
/// IP and CIDR parsing with Go's <c>net.ParseIP</c>/<c>net.ParseCIDR</c> rules, which Calico's validator uses:
/// IPv4 only in dotted-decimal form without leading zeros (not .NET's <c>1</c>, <c>0x7f.1</c> or <c>010.0.0.1</c>),
/// IPv6 without a zone.
/// </summary>
public static class GoNet
{
    public static IPAddress? ParseIp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal)) return null;
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
        }

        var parts = text.Split('.');
        if (parts.Length != 4) return null;
        var bytes = new byte[4];
        for (var index = 0; index < 4; index++)
        {
            var part = parts[index];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0')) return null;
            var value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255) return null;
            bytes[index] = (byte)value;
        }
        return new IPAddress(bytes);
    }

    /// <summary><c>address/prefix</c>; null unless both parts are valid and the prefix fits the family.</summary>
    public static (IPAddress Address, int PrefixLength)? ParseCidr(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return null;
        var address = ParseIp(text[..slash]);
        var mask = text[(slash + 1)..];
        if (address is null || mask.Length is 0 or > 3 || !mask.All(char.IsAsciiDigit)) return null;
        var prefixLength = int.Parse(mask, NumberStyles.None, CultureInfo.InvariantCulture);
        return prefixLength > address.GetAddressBytes().Length * 8 ? null : (address, prefixLength);
    }

    /// <summary>Calico's <c>ParseCIDROrIP</c>: a CIDR, or an address standing for its full-length prefix.</summary>
    public static (IPAddress Address, int PrefixLength)? ParseCidrOrIp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('/', StringComparison.Ordinal)) return ParseCidr(text);
        var address = ParseIp(text);
        return address is null ? null : (address, address.GetAddressBytes().Length * 8);
    }

    /// <summary>4 or 6, as Calico's <c>Version()</c> (an IPv4-mapped IPv6 address counts as IPv4, as Go's <c>To4</c>).</summary>
    public static int Version(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetwork || address.IsIPv4MappedToIPv6 ? 4 : 6;
    }

    /// <summary>True when no bit after the prefix is set (<c>10.0.0.0/8</c>, not <c>10.0.0.1/8</c>).</summary>
    public static bool IsMasked(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) return false;
        }
        return true;
    }
}
