namespace SgLambda.Core.Translation;

/// <summary>
/// What an SG rule matches below the IP layer, normalized from AWS's protocol and port fields.
/// <see cref="Number"/> is the IANA protocol number, null for "-1" (every protocol).
/// For TCP/UDP, <see cref="FromPort"/>..<see cref="ToPort"/> is the destination port range (null = all).
/// For ICMP/ICMPv6 they are the type and code (null = any).
/// </summary>
public sealed record RuleProtocol(int? Number, int? FromPort, int? ToPort)
{
    public const int Icmp = 1;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int IcmpV6 = 58;
    public const int Sctp = 132;
    public const int UdpLite = 136;

    public static RuleProtocol All { get; } = new(null, null, null);

    public bool HasPorts => Number is Tcp or Udp;

    public bool IsIcmp => Number is Icmp or IcmpV6;

    /// <summary>The IP version this protocol implies (ICMP is IPv4 only, ICMPv6 IPv6 only), else null.</summary>
    public int? ImpliedIpVersion => Number switch
    {
        Icmp => 4,
        IcmpV6 => 6,
        _ => null,
    };
}
