using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>What <c>aws ec2 describe-security-groups</c> prints.</summary>
internal sealed record DescribeSecurityGroupsOutput
{
    public required IReadOnlyList<SecurityGroup> SecurityGroups { get; init; }
}
