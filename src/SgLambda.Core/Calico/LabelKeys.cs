namespace SgLambda.Core.Calico;

/// <summary>Label and annotation keys of the contract (SEMANTICS.md section 3). Users select on these.</summary>
public static class LabelKeys
{
    /// <summary>Prefix of the SG membership label <c>sg.aws.tigera.io/&lt;sg-id&gt;</c> (value <c>""</c>).</summary>
    public const string SecurityGroupPrefix = "sg.aws.tigera.io/";
    /// <summary>Pod annotation: JSON list of SG ids.</summary>
    public const string SecurityGroupsAnnotation = "aws.tigera.io/security-groups";
    /// <summary>Pod label: <c>"true"</c> or <c>"false"</c>, overrides the metadata default.</summary>
    public const string AllowMetadataAccess = "aws.tigera.io/allow-metadata-access";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "sglambda";
    public const string EndpointKind = "sglambda.io/endpoint-kind";
    public const string SgGoverned = "sglambda.io/sg-governed";
    public const string EniId = "sglambda.io/eni-id";
    public const string InstanceId = "sglambda.io/instance-id";
    /// <summary>
    /// HostEndpoints of attached ENIs: the attachment id (<c>eni-attach-...</c>). DetachNetworkInterface
    /// names only the attachment, which AWS forgets once the ENI is detached; this label still finds it.
    /// </summary>
    public const string AttachmentId = "sglambda.io/attachment-id";
    public const string VpcId = "sglambda.io/vpc-id";
    public const string ResourceType = "sglambda.io/resource-type";
    public const string PrefixList = "sglambda.io/prefix-list";
    /// <summary>Calico's own label on every workload endpoint: the pod's namespace.</summary>
    public const string CalicoNamespace = "projectcalico.org/namespace";

    /// <summary>Rule annotation: the AWS security group rule id (<c>sgr-...</c>).</summary>
    public const string RuleId = "sglambda.io/rule-id";
    /// <summary>Rule annotation: the AWS rule's description.</summary>
    public const string RuleDescription = "sglambda.io/rule-description";
    /// <summary>
    /// Label of an SG's policies and annotation of each translated rule: the SG they come from, so the
    /// event path finds every part of a split policy with one label selector.
    /// </summary>
    public const string SecurityGroupId = "sglambda.io/security-group";
    /// <summary>Policy annotation: the SG's name.</summary>
    public const string SecurityGroupName = "sglambda.io/security-group-name";

    /// <summary>
    /// Prefix of the label an SG's policies carry for each prefix list their rules name
    /// (<c>prefix-list.sglambda.io/&lt;pl-id&gt;: ""</c>): whether a GlobalNetworkSet is still needed is one
    /// label query away.
    /// </summary>
    public const string PrefixListReferencePrefix = "prefix-list.sglambda.io/";

    /// <summary>
    /// Label of an <c>sg-remote.for-&lt;sg&gt;</c> policy (and its parts): the SG whose members it binds, so
    /// the event path finds every part with one label selector.
    /// </summary>
    public const string LocalSecurityGroup = "sglambda.io/local-security-group";

    /// <summary>Label of the shared <c>sg-remote.address-peers-&lt;n&gt;</c> policies (and parts): the bucket number.</summary>
    public const string AddressPeers = "sglambda.io/address-peers";

    /// <summary>
    /// Prefix of the label an <c>sg-remote</c> policy carries for each SG whose rules it holds
    /// (<c>rules-from.sglambda.io/&lt;sg-id&gt;: ""</c>): which policies a change of that SG's rules touches is
    /// one label query away.
    /// </summary>
    public const string RulesFromPrefix = "rules-from.sglambda.io/";

    public static string SecurityGroup(string groupId) => SecurityGroupPrefix + groupId;

    public static string RulesFrom(string groupId) => RulesFromPrefix + groupId;

    public static string PrefixListReference(string prefixListId) => PrefixListReferencePrefix + prefixListId;
}
