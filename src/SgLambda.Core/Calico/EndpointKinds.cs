namespace SgLambda.Core.Calico;

/// <summary>Values of <see cref="LabelKeys.EndpointKind"/>.</summary>
public static class EndpointKinds
{
    public const string VpcMember = "vpc-member";
    public const string ClusterNode = "cluster-node";
}
