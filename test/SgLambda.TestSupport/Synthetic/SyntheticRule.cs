namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// One SG rule with one peer, as DescribeSecurityGroupRules lists it; the generator groups these into
/// AWS's IpPermissions (one per protocol and port range) afterwards.
/// </summary>
internal sealed record SyntheticRule(bool IsEgress, string Protocol, int? FromPort, int? ToPort, SyntheticPeer Peer, string? Description)
{
    /// <summary>AWS refuses two rules with the same direction, protocol, ports and peer.</summary>
    public (bool, string, int?, int?, SyntheticPeerKind, string) Identity => (IsEgress, Protocol, FromPort, ToPort, Peer.Kind, Peer.Value);
}
