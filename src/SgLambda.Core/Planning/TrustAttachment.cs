namespace SgLambda.Core.Planning;

/// <summary>
/// Give a VPC member the trust SG: the complete new group list (its current groups plus the trust SG),
/// for an ENI (ModifyNetworkInterfaceAttribute), a DB instance or a DB cluster (ModifyDBInstance/Cluster).
/// </summary>
public sealed record TrustAttachment(TrustTargetKind Kind, string Id, IReadOnlyList<string> GroupIds);
