namespace SgLambda.TestSupport.Synthetic;

/// <summary>The kinds of VPC-member ENI the generator draws (cluster nodes are planned separately).</summary>
internal enum SyntheticEniKind
{
    Ec2Instance,
    Rds,
    LoadBalancer,
    NetworkLoadBalancer,
    Lambda,
    VpcEndpoint,
    NatGateway,
    EksControlPlane,
    Unattached,
    OtherVpc,
}
