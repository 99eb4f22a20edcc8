namespace SgLambda.Functions;

/// <summary>Every environment variable the functions read, in one place (template.yaml sets them).</summary>
public static class EnvironmentVariables
{
    public const string VpcId = "SGLAMBDA_VPC_ID";
    public const string ClusterName = "SGLAMBDA_CLUSTER_NAME";
    /// <summary>The cluster API server URL (https://...); or use <see cref="ClusterSsmParameter"/>.</summary>
    public const string ClusterEndpoint = "SGLAMBDA_CLUSTER_ENDPOINT";
    /// <summary>The cluster CA bundle, base64 (as EKS DescribeCluster's certificateAuthority.data).</summary>
    public const string ClusterCertificateAuthority = "SGLAMBDA_CLUSTER_CA";
    /// <summary>An SSM parameter holding {"endpoint": "...", "certificateAuthority": "..."} instead of the two above.</summary>
    public const string ClusterSsmParameter = "SGLAMBDA_CLUSTER_SSM_PARAMETER";
    /// <summary>
    /// A static bearer token for the cluster (tests; clusters that are not EKS should rather put it in the SSM
    /// parameter's "token"); unset, an EKS token is made from the function's role.
    /// </summary>
    public const string ClusterToken = "SGLAMBDA_CLUSTER_TOKEN";
    public const string PodSecurityGroupId = "SGLAMBDA_POD_SECURITY_GROUP_ID";
    /// <summary>Comma-separated.</summary>
    public const string NodeSecurityGroupIds = "SGLAMBDA_NODE_SECURITY_GROUP_IDS";
    /// <summary>Comma-separated namespace names; unset means the default list, empty means none.</summary>
    public const string ExemptNamespaces = "SGLAMBDA_EXEMPT_NAMESPACES";
    public const string TrustSecurityGroupId = "SGLAMBDA_TRUST_SECURITY_GROUP_ID";
    public const string EnforcedSecurityGroupId = "SGLAMBDA_ENFORCED_SECURITY_GROUP_ID";
    /// <summary>true or false.</summary>
    public const string AttachTrustSecurityGroup = "SGLAMBDA_ATTACH_TRUST_SECURITY_GROUP";
    /// <summary>Only databases with this tag set to true get the trust SG (the role may modify only those).</summary>
    public const string TrustDatabaseTag = "SGLAMBDA_TRUST_DATABASE_TAG";
    /// <summary>Allowed or Denied.</summary>
    public const string DefaultPodMetadataAccess = "SGLAMBDA_DEFAULT_POD_METADATA_ACCESS";
    /// <summary>true or false.</summary>
    public const string EnforceNodes = "SGLAMBDA_ENFORCE_NODES";
    public const string MemberNodeName = "SGLAMBDA_MEMBER_NODE_NAME";
    /// <summary>projectcalico.org/v3 or crd.projectcalico.org/v1.</summary>
    public const string CalicoApiGroup = "SGLAMBDA_CALICO_API_GROUP";
    /// <summary>The account events must come from (optional).</summary>
    public const string AccountId = "SGLAMBDA_ACCOUNT_ID";
    /// <summary>Debug, Information, Warning or Error.</summary>
    public const string LogLevel = "SGLAMBDA_LOG_LEVEL";
    /// <summary>The SQS change queue: when set, the change handler parks EventBridge events there and handles them in batches.</summary>
    public const string ChangeQueueUrl = "SGLAMBDA_CHANGE_QUEUE_URL";
    /// <summary>The admission webhook: an SSM SecureString parameter holding the secret its URL path carries (read once, at cold start).</summary>
    public const string WebhookSecretSsmParameter = "SGLAMBDA_WEBHOOK_SECRET_SSM_PARAMETER";
    /// <summary>The admission webhook's secret itself, instead of <see cref="WebhookSecretSsmParameter"/> (tests, offline).</summary>
    public const string WebhookSecret = "SGLAMBDA_WEBHOOK_SECRET";
    /// <summary>Set by Lambda.</summary>
    public const string AwsRegion = "AWS_REGION";
    /// <summary>Set by Lambda: the function's name, for logs and metrics.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    /// <summary>Set by Lambda for custom runtimes: host:port of the Runtime API.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";
    /// <summary>Set by Lambda: the handler string, which picks the function in the AOT bootstrap.</summary>
    public const string Handler = "_HANDLER";
    /// <summary>Offline mode (tests, <c>sam local invoke</c>): an AWS snapshot folder, as <c>sglambda replay --aws-snapshot</c> takes.</summary>
    public const string OfflineAwsSnapshot = "SGLAMBDA_OFFLINE_AWS_SNAPSHOT";
    /// <summary>Offline mode: a cluster List file standing in for the cluster; plans are applied to it.</summary>
    public const string OfflineClusterSnapshot = "SGLAMBDA_OFFLINE_CLUSTER_SNAPSHOT";
}
