using System.Globalization;

namespace SgLambda.Core.Translation;

/// <summary>AWS's IpProtocol/FromPort/ToPort to a <see cref="RuleProtocol"/>, or the reason it cannot be translated.</summary>
public static class ProtocolParser
{
    private const int MaxPort = 65535;
    // Calico's ICMP type field stops at 254.
    private const int MaxIcmpType = 254;
    private const int MaxIcmpCode = 255;

    public static RuleProtocol? Parse(string ipProtocol, int? fromPort, int? toPort, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(ipProtocol);
        problem = null;
        var number = ProtocolNumber(ipProtocol.Trim());
        if (number == -1) return RuleProtocol.All;
        if (number is null or < 1 or > 255)
        {
            problem = $"protocol '{ipProtocol}' is not -1, a known name or a number 1-255";
            return null;
        }
        return number switch
        {
            RuleProtocol.Tcp or RuleProtocol.Udp => Ports(number.Value, fromPort, toPort, out problem),
            RuleProtocol.Icmp or RuleProtocol.IcmpV6 => Icmp(number.Value, fromPort, toPort, out problem),
            // AWS: any other protocol allows all of its traffic, whatever ports the rule names.
            _ => new RuleProtocol(number, null, null),
        };
    }

    private static int? ProtocolNumber(string text) => text.ToUpperInvariant() switch
    {
        "-1" or "ALL" => -1,
        "TCP" => RuleProtocol.Tcp,
        "UDP" => RuleProtocol.Udp,
        "ICMP" => RuleProtocol.Icmp,
        "ICMPV6" => RuleProtocol.IcmpV6,
        "SCTP" => RuleProtocol.Sctp,
        "UDPLITE" => RuleProtocol.UdpLite,
        _ => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
    };

    private static RuleProtocol? Ports(int number, int? fromPort, int? toPort, out string? problem)
    {
        problem = null;
        var from = fromPort ?? -1;
        var to = toPort ?? -1;
        if (from == -1 || (from <= 1 && to >= MaxPort)) return new RuleProtocol(number, null, null);
        // Calico ports are 1-65535: port 0 is never a real destination, so 0-1023 is 1:1023.
        var low = Math.Max(from, 1);
        var high = Math.Min(to, MaxPort);
        if (low > high)
        {
            problem = $"port range {fromPort}-{toPort} contains no port 1-65535";
            return null;
        }
        return new RuleProtocol(number, low, high);
    }

    private static RuleProtocol? Icmp(int number, int? fromPort, int? toPort, out string? problem)
    {
        problem = null;
        int? type = fromPort is null or -1 ? null : fromPort;
        int? code = type is null || toPort is null or -1 ? null : toPort;
        if (type is < 0 or > MaxIcmpType || code is < 0 or > MaxIcmpCode)
        {
            problem = $"ICMP type {fromPort} code {toPort} cannot be expressed in Calico (type 0-254, code 0-255)";
            return null;
        }
        return new RuleProtocol(number, type, code);
    }
}
