namespace SgLambda.Core.Configuration;

/// <summary>
/// What the translation needs to know beyond AWS state (SEMANTICS.md section 7, <c>config.json</c>).
/// JSON names are camelCase, as in the contract.
/// </summary>
public sealed record SgLambdaConfig
{
    public required string VpcId { get; init; }
    public string? ClusterName { get; init; }
    /// <summary>The SG every pod is a member of.</summary>
    public string? PodSecurityGroupId { get; init; }
    /// <summary>The nodes' SGs: pods with no valid SG annotation are members of these.</summary>
    public IReadOnlyList<string> NodeSecurityGroupIds { get; init; } = [];
    /// <summary>Internal SG on every VPC member; never a label or policy.</summary>
    public string? TrustSecurityGroupId { get; init; }
    /// <summary>Internal SG on every cluster node; never a label or policy; marks an instance as a node.</summary>
    public string? EnforcedSecurityGroupId { get; init; }
    public MetadataAccess DefaultPodMetadataAccess { get; init; } = MetadataAccess.Denied;
    public bool EnforceNodes { get; init; } = true;
    public string MemberNodeName { get; init; } = DefaultMemberNodeName;
    public string CalicoApiGroup { get; init; } = CalicoApiGroups.ProjectCalicoV3;
    /// <summary>Attach the trust SG to VPC members that lack it (EC2 ENIs and RDS instances), never removing an SG.</summary>
    public bool AttachTrustSecurityGroup { get; init; }
    /// <summary>
    /// When set, an RDS database gets the trust SG only when it carries this tag with the value <c>true</c>
    /// (the template's IAM role may modify only such databases); others are reported, not attached.
    /// </summary>
    public string? TrustDatabaseTag { get; init; }
    /// <summary>The AWS account events must come from; null accepts any (render ignores it).</summary>
    public string? AccountId { get; init; }
    /// <summary>The AWS region events must come from; null accepts any (render ignores it).</summary>
    public string? Region { get; init; }

    /// <summary>A node name no Kubernetes node has, so Felix never enforces VPC-member HostEndpoints.</summary>
    public const string DefaultMemberNodeName = "sglambda-vpc-members";

    /// <summary>True for the trust and enforced SGs, which are plumbing, never labels or policies.</summary>
    public bool IsInternal(string groupId) =>
        string.Equals(groupId, TrustSecurityGroupId, StringComparison.Ordinal)
        || string.Equals(groupId, EnforcedSecurityGroupId, StringComparison.Ordinal);
}
