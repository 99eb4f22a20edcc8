namespace SgLambda.Core.Planning;

/// <summary>What a <see cref="TrustAttachment"/> modifies.</summary>
public enum TrustTargetKind
{
    NetworkInterface,
    DbInstance,
    DbCluster,
}
