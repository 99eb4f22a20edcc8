namespace SgLambda.Core.Calico;

/// <summary>Values of <see cref="LabelKeys.ResourceType"/>: what AWS resource an ENI belongs to.</summary>
public static class ResourceTypes
{
    public const string Ec2Instance = "ec2-instance";
    public const string Rds = "rds";
    public const string Elb = "elb";
    public const string Lambda = "lambda";
    public const string VpcEndpoint = "vpc-endpoint";
    public const string EksControlPlane = "eks-control-plane";
    public const string NatGateway = "nat-gateway";
    public const string Other = "other";
}
