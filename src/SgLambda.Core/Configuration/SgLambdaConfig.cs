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
    /// <summary>
    /// Namespaces the admission webhook does not see (SEMANTICS.md section 3): their pods carry no trusted
    /// SG labels, so they are members of the node SGs and the pod-default SG by namespace, and their own
    /// <c>sg.aws.tigera.io/*</c> labels count for nothing.
    /// </summary>
    public IReadOnlyList<string> ExemptNamespaces { get; init; } = DefaultExemptNamespaces;

    /// <summary>
    /// The cluster's own components: <c>kube-system</c> (CoreDNS, the VPC CNI, kube-proxy) and Calico as the
    /// Tigera operator installs it (the usual way on EKS), which must start while the webhook is down.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultExemptNamespaces = ["kube-system", "calico-system", "calico-apiserver", "tigera-operator"];

    /// <summary>A node name no Kubernetes node has, so Felix never enforces VPC-member HostEndpoints.</summary>
    public const string DefaultMemberNodeName = "sglambda-vpc-members";

    /// <summary>True for the trust and enforced SGs, which are plumbing, never labels or policies.</summary>
    public bool IsInternal(string groupId) =>
        string.Equals(groupId, TrustSecurityGroupId, StringComparison.Ordinal)
        || string.Equals(groupId, EnforcedSecurityGroupId, StringComparison.Ordinal);

    /// <summary>True for a namespace the webhook does not see (<see cref="ExemptNamespaces"/>).</summary>
    public bool IsExemptNamespace(string ns) => ExemptNamespaces.Contains(ns, StringComparer.Ordinal);

    /// <summary>
    /// True for the SGs pods of exempt namespaces are members of: the node SGs and the pod-default SG
    /// (a pod that claims nothing is in these).
    /// </summary>
    public bool IsUnclaimedPodGroup(string groupId) =>
        string.Equals(groupId, PodSecurityGroupId, StringComparison.Ordinal)
        || NodeSecurityGroupIds.Contains(groupId, StringComparer.Ordinal);
}
