namespace SgLambda.Core.Calico;

/// <summary>A Calico policy rule: match criteria and an action.</summary>
public sealed record Rule
{
    public required string Action { get; init; }
    /// <summary>A name (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite) or a number; null = any protocol.</summary>
    public IntOrString? Protocol { get; init; }
    public int? IpVersion { get; init; }
    public IcmpFields? Icmp { get; init; }
    public EntityRule? Source { get; init; }
    public EntityRule? Destination { get; init; }
    public RuleMetadata? Metadata { get; init; }
}
