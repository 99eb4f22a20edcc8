namespace SgLambda.Core.Translation;

/// <summary>What an ENI is to the translation: a VPC member, a cluster node's primary ENI, or nothing.</summary>
public abstract record EniRole
{
    private EniRole()
    {
    }

    /// <summary>Gets a HostEndpoint named after the ENI, never enforced.</summary>
    public sealed record VpcMember(string ResourceType) : EniRole;

    /// <summary>The primary ENI of a cluster node: gets <c>node.&lt;name&gt;</c> with the primary IP only.</summary>
    public sealed record ClusterNode(string NodeName, string InstanceId) : EniRole;

    /// <summary>No HostEndpoint (branch/trunk ENIs, VPC CNI ENIs, other VPCs); the reason says why.</summary>
    public sealed record Ignored(string Reason) : EniRole;
}
