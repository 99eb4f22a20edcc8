namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// The one peer of a synthetic rule. For an SG in a peered VPC, <see cref="PeerVpcId"/> and
/// <see cref="PeeringConnectionId"/> say where it lives and <see cref="OwnerId"/> whose it is.
/// </summary>
internal sealed record SyntheticPeer(
    SyntheticPeerKind Kind,
    string Value,
    string? OwnerId = null,
    string? PeerVpcId = null,
    string? PeeringConnectionId = null);
