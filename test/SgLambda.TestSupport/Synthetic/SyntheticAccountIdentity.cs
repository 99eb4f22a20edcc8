namespace SgLambda.TestSupport.Synthetic;

/// <summary>Who and where the synthetic account is: its AWS account, its VPC, a neighbouring VPC and the cluster.</summary>
internal sealed record SyntheticAccountIdentity(string OwnerId, string VpcId, string OtherVpcId, string ClusterName)
{
    /// <summary>The account AWS-managed ENIs (NAT gateways, endpoints, the EKS control plane) report as requester.</summary>
    public const string AwsServiceAccount = "727180483921";
}
