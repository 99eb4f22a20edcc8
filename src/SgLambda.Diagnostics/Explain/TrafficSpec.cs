using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.Diagnostics.Explain;

/// <summary>
/// What <c>--port</c> asks about: <c>443</c> or <c>443/tcp</c>, <c>53/udp</c>, <c>2905/sctp</c>; <c>icmp</c>
/// (echo request), <c>icmp/3</c>, <c>icmp/3/4</c> (type, code; ICMPv6 between IPv6 addresses);
/// <c>proto/50</c> (any other protocol number, which has no ports).
/// </summary>
public sealed record TrafficSpec(int Protocol, int? Port, int? IcmpType, int? IcmpCode)
{
    private const int EchoRequest = 8;
    private const int EchoRequestV6 = 128;

    public static TrafficSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split('/');
        if (parts[0] is "icmp" or "icmpv6")
        {
            if (parts.Length > 3) throw Bad(text);
            int? type = parts.Length > 1 ? Number(parts[1], 0, 255, text, "ICMP type") : null;
            int? code = parts.Length > 2 ? Number(parts[2], 0, 255, text, "ICMP code") : null;
            return new TrafficSpec(parts[0] == "icmp" ? IpProtocols.Icmp : IpProtocols.Icmpv6, null, type, code);
        }
        if (parts[0] == "proto")
        {
            if (parts.Length != 2) throw Bad(text);
            var number = Number(parts[1], 0, 255, text, "protocol number");
            if (IpProtocols.HasPorts(number)) throw new ExplainQueryException("--port", text, $"protocol {number} has ports: write PORT/{Name(number)}");
            return new TrafficSpec(number, null, null, null);
        }
        if (parts.Length > 2) throw Bad(text);
        var port = Number(parts[0], 1, 65535, text, "port");
        var protocol = parts.Length == 1 ? IpProtocols.Tcp : parts[1] switch
        {
            "tcp" => IpProtocols.Tcp,
            "udp" => IpProtocols.Udp,
            "sctp" => IpProtocols.Sctp,
            "udplite" => IpProtocols.UdpLite,
            _ => throw new ExplainQueryException("--port", text, $"unknown protocol \"{parts[1]}\" (tcp, udp, sctp, udplite; or icmp, icmpv6, proto/NUMBER)"),
        };
        return new TrafficSpec(protocol, port, null, null);
    }

    /// <summary>The flow between two addresses; ICMP becomes ICMPv6 (echo request 128) between IPv6 addresses.</summary>
    public Flow ToFlow(IPAddress source, IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!IpProtocols.IsIcmp(Protocol)) return new Flow(source, destination, Protocol, Port);
        var v6 = source.AddressFamily == AddressFamily.InterNetworkV6;
        var protocol = v6 ? IpProtocols.Icmpv6 : IpProtocols.Icmp;
        var type = IcmpType ?? (v6 ? EchoRequestV6 : EchoRequest);
        return new Flow(source, destination, protocol, null, type, IcmpCode ?? 0);
    }

    public override string ToString() =>
        Port is { } port ? string.Create(CultureInfo.InvariantCulture, $"{port}/{Name(Protocol)}")
        : IpProtocols.IsIcmp(Protocol) ? Name(Protocol) + (IcmpType is { } type ? string.Create(CultureInfo.InvariantCulture, $"/{type}") + (IcmpCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"/{code}") : "") : "")
        : string.Create(CultureInfo.InvariantCulture, $"proto/{Protocol}");

    /// <summary>A protocol's lower-case name (tcp, udp, icmp, ...), else its number.</summary>
    public static string Name(int protocol) => protocol switch
    {
        IpProtocols.Tcp => "tcp",
        IpProtocols.Udp => "udp",
        IpProtocols.Icmp => "icmp",
        IpProtocols.Icmpv6 => "icmpv6",
        IpProtocols.Sctp => "sctp",
        IpProtocols.UdpLite => "udplite",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    private static int Number(string text, int min, int max, string whole, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ExplainQueryException("--port", whole, string.Create(CultureInfo.InvariantCulture, $"expected a {what} from {min} to {max}, got \"{text}\""));

    private static ExplainQueryException Bad(string text) =>
        new("--port", text, "expected PORT[/tcp|udp|sctp|udplite], icmp[/TYPE[/CODE]], icmpv6[/TYPE[/CODE]] or proto/NUMBER");
}
