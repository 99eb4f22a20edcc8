using System.Net;
using System.Net.Sockets;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// One packet flow from <see cref="Source"/> to <see cref="Destination"/>. <see cref="Port"/> is the
/// destination port for protocols that have one (TCP, UDP, SCTP, UDPLite); ICMP flows carry a type and
/// code instead. Source ports are not modelled: SGs and the integration never look at them.
/// </summary>
public sealed record Flow(IPAddress Source, IPAddress Destination, int Protocol, int? Port = null, int? IcmpType = null, int? IcmpCode = null)
{
    /// <summary>4 or 6, from the source address.</summary>
    public int IpVersion => Source.AddressFamily == AddressFamily.InterNetworkV6 ? 6 : 4;

    public static Flow Tcp(IPAddress source, IPAddress destination, int port) =>
        new(source, destination, IpProtocols.Tcp, port);

    public static Flow Udp(IPAddress source, IPAddress destination, int port) =>
        new(source, destination, IpProtocols.Udp, port);

    /// <summary>An ICMP (IPv4) or ICMPv6 (IPv6) message, chosen by the addresses' family.</summary>
    public static Flow Icmp(IPAddress source, IPAddress destination, int type, int code)
    {
        ArgumentNullException.ThrowIfNull(source);
        var protocol = source.AddressFamily == AddressFamily.InterNetworkV6 ? IpProtocols.Icmpv6 : IpProtocols.Icmp;
        return new(source, destination, protocol, null, type, code);
    }

    /// <summary>A flow of any protocol; give a port only for protocols that have one.</summary>
    public static Flow Of(IPAddress source, IPAddress destination, int protocol, int? port = null) =>
        new(source, destination, protocol, port);

    /// <summary>Parses both addresses; for tests and the command line.</summary>
    public static Flow Tcp(string source, string destination, int port) =>
        Tcp(IPAddress.Parse(source), IPAddress.Parse(destination), port);

    public static Flow Udp(string source, string destination, int port) =>
        Udp(IPAddress.Parse(source), IPAddress.Parse(destination), port);

    public static Flow Icmp(string source, string destination, int type, int code) =>
        Icmp(IPAddress.Parse(source), IPAddress.Parse(destination), type, code);

    public static Flow Of(string source, string destination, int protocol, int? port = null) =>
        Of(IPAddress.Parse(source), IPAddress.Parse(destination), protocol, port);

    public override string ToString()
    {
        var detail = Port is { } port ? $":{port}"
            : IcmpType is { } type ? $" type {type} code {IcmpCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
            : "";
        return $"{Source} -> {Destination} proto {Protocol}{detail}";
    }
}
