namespace SgLambda.Diagnostics.Evaluation;

/// <summary>What owns an address in the AWS model (SEMANTICS.md section 1).</summary>
public enum AwsEndpointKind
{
    /// <summary>A pod, treated as an ENI in the SGs of its <c>sg.aws.tigera.io/*</c> labels.</summary>
    Pod,
    /// <summary>An EC2 instance that is a Kubernetes node (its primary ENI's primary addresses only).</summary>
    ClusterNode,
    /// <summary>Any other ENI of the VPC that gets a HostEndpoint (not branch/trunk, not a VPC CNI or node secondary ENI).</summary>
    VpcMember,
    /// <summary>Anything else: the internet, other VPCs, ENIs the integration does not represent.</summary>
    External,
}
