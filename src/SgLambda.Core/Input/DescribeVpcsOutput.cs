using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>What <c>aws ec2 describe-vpcs</c> prints.</summary>
internal sealed record DescribeVpcsOutput
{
    public required IReadOnlyList<Vpc> Vpcs { get; init; }
}
