namespace SgLambda.Aws;

/// <summary>
/// Every IAM action the adapters of this project call, as IAM names them: the functions' role in
/// template.yaml grants exactly these. Kept true by a test that runs the adapters against the emulator
/// and compares the actions it received; the template's test compares the role with this list.
/// </summary>
public static class AwsRequiredActions
{
    /// <summary>Reads of <see cref="Ec2Inventory"/> (EC2 and RDS).</summary>
    public static IReadOnlyList<string> Read { get; } =
    [
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSecurityGroupRules",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeVpcs",
        "ec2:DescribeManagedPrefixLists",
        "ec2:GetManagedPrefixListEntries",
        "rds:DescribeDBInstances",
    ];

    /// <summary>Writes of <see cref="AwsSecurityGroupWriter"/>: only when the trust SG is attached.</summary>
    public static IReadOnlyList<string> AttachTrust { get; } =
    [
        "ec2:ModifyNetworkInterfaceAttribute",
        "rds:ModifyDBInstance",
        "rds:ModifyDBCluster",
    ];

    /// <summary>
    /// The functions' own read of the cluster's SSM parameter at cold start (FunctionComposition), granted
    /// only when the template names a parameter. Not an adapter call, so not in <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<string> ClusterParameter { get; } = ["ssm:GetParameter"];

    /// <summary>
    /// The change queue: <see cref="SqsEventQueue"/> parks events (SendMessage), and the SQS event source
    /// mapping, which runs with the function's role, takes them back in batches. Not EC2/RDS calls, so not in <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<string> ChangeQueue { get; } =
    [
        "sqs:SendMessage",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
        "sqs:GetQueueAttributes",
    ];

    /// <summary>All the adapters' actions. The EKS token is a presigned sts:GetCallerIdentity URL: no call, no permission.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Read, .. AttachTrust];
}
