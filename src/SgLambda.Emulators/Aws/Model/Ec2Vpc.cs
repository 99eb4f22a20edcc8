using SgLambda.Core.Aws;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>An emulated VPC with its primary IPv4 CIDR.</summary>
public sealed record Ec2Vpc(string VpcId, string CidrBlock, string CidrBlockAssociationId, string OwnerId)
{
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
