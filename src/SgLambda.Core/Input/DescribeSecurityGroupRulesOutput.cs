using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>What <c>aws ec2 describe-security-group-rules</c> prints.</summary>
internal sealed record DescribeSecurityGroupRulesOutput
{
    public required IReadOnlyList<SecurityGroupRule> SecurityGroupRules { get; init; }
}
