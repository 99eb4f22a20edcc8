using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SgLambda.Core.Net;

/// <summary>
/// The product's one CIDR type is the BCL's <see cref="IPNetwork"/>; this class holds the little the BCL
/// does not decide as AWS and Calico do. Parsing accepts a bare address (a host route) and clears host
/// bits (AWS accepts "10.0.0.5/24"; Calico reads <c>nets</c> so), and a match never crosses address families.
/// </summary>
public static class Cidr
{
    /// <summary>Parses "a.b.c.d/n", "x::/n" or a bare address (a host route), around surrounding blanks.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.Trim() : text[..slash].Trim();
        if (!IPAddress.TryParse(addressText, out var address)) return false;
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)) return false;
        var bits = HostBits(address);
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
            return false;
        // A zone ("fe80::1%eth0") names a link, not a network: Calico and AWS have no use for it.
        if (address.AddressFamily == AddressFamily.InterNetworkV6) address.ScopeId = 0;
        network = new IPNetwork(address, prefix); // the BCL clears the host bits
        return true;
    }

    /// <summary>As <see cref="TryParse"/>; throws <see cref="FormatException"/> naming the text.</summary>
    public static IPNetwork Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"\"{text}\" is not an IP address or CIDR");

    /// <summary>A host route for one address.</summary>
    public static IPNetwork Host(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new IPNetwork(address, HostBits(address));
    }

    private static int HostBits(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;

    extension(IPNetwork network)
    {
        public bool IsIPv6 => network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;

        public int IpVersion => network.IsIPv6 ? 6 : 4;

        /// <summary>
        /// Whether a packet from or to the address matches the network. Unlike <see cref="IPNetwork.Contains"/>,
        /// an IPv4-mapped IPv6 address ("::ffff:10.0.0.1") is not in an IPv4 network: AWS and Calico keep the
        /// two families apart.
        /// </summary>
        public bool Matches(IPAddress address)
        {
            ArgumentNullException.ThrowIfNull(address);
            return address.AddressFamily == network.BaseAddress.AddressFamily && network.Contains(address);
        }
    }
}
