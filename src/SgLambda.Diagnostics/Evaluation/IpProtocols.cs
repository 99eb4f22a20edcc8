using System.Globalization;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>IANA protocol numbers the evaluators know by name, and how names map to them.</summary>
public static class IpProtocols
{
    public const int Icmp = 1;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int Icmpv6 = 58;
    public const int Sctp = 132;
    public const int UdpLite = 136;

    /// <summary>True for the protocols whose packets carry a destination port.</summary>
    public static bool HasPorts(int protocol) => protocol is Tcp or Udp or Sctp or UdpLite;

    /// <summary>True for ICMP and ICMPv6, whose packets carry a type and code instead of ports.</summary>
    public static bool IsIcmp(int protocol) => protocol is Icmp or Icmpv6;

    /// <summary>
    /// A Calico protocol name (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite; any case) or a decimal number.
    /// Null when the text is neither.
    /// </summary>
    public static int? FromCalicoName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        return text.ToUpperInvariant() switch
        {
            "TCP" => Tcp,
            "UDP" => Udp,
            "ICMP" => Icmp,
            "ICMPV6" => Icmpv6,
            "SCTP" => Sctp,
            "UDPLITE" => UdpLite,
            _ => null,
        };
    }
}
