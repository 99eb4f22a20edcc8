using SgLambda.Core.Aws;

namespace SgLambda.Core.Input;

/// <summary>What <c>aws ec2 describe-network-interfaces</c> prints.</summary>
internal sealed record DescribeNetworkInterfacesOutput
{
    public required IReadOnlyList<NetworkInterface> NetworkInterfaces { get; init; }
}
