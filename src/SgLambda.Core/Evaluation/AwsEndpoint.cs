using System.Net;

namespace SgLambda.Core.Evaluation;

/// <summary>
/// An address's owner in the AWS model. <see cref="SecurityGroupIds"/> are the SGs that count: those of
/// the configured VPC present in the snapshot, internal SGs aside; the endpoint is SG-governed iff there is one.
/// </summary>
public sealed record AwsEndpoint(AwsEndpointKind Kind, string Id, IReadOnlyList<IPAddress> Addresses, IReadOnlyList<string> SecurityGroupIds)
{
    public bool Governed => SecurityGroupIds.Count > 0;

    public bool IsMemberOf(string groupId) => SecurityGroupIds.Contains(groupId, StringComparer.Ordinal);

    public override string ToString() =>
        Kind switch
        {
            AwsEndpointKind.Pod => $"pod {Id}",
            AwsEndpointKind.ClusterNode => $"cluster node {Id}",
            AwsEndpointKind.VpcMember => $"VPC member {Id}",
            _ => $"external {Id}",
        }
        + (Governed ? $" [{string.Join(", ", SecurityGroupIds)}]" : " [not SG-governed]");
}
