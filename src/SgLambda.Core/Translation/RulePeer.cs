using System.Net;

namespace SgLambda.Core.Translation;

/// <summary>The other end of an SG rule: a CIDR, a security group or a managed prefix list.</summary>
public abstract record RulePeer
{
    private RulePeer()
    {
    }

    /// <summary>An IPv4 (<c>IpRanges</c>) or IPv6 (<c>Ipv6Ranges</c>) CIDR.</summary>
    public sealed record CidrPeer(IPNetwork Cidr) : RulePeer;

    /// <summary>A security group (<c>UserIdGroupPairs</c>), possibly in a peered VPC.</summary>
    public sealed record GroupPeer(string GroupId) : RulePeer;

    /// <summary>A managed prefix list (<c>PrefixListIds</c>).</summary>
    public sealed record PrefixListPeer(string PrefixListId) : RulePeer;
}
