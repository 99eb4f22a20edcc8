using System.Net;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// An address's owner in the AWS model. <see cref="SecurityGroupIds"/> are the SGs that count: those of
/// the configured VPC present in the snapshot, internal SGs aside; the endpoint is SG-governed iff there is one.
/// A pod is always SG-governed: SEMANTICS.md section 3 puts every pod in the pod-default SG, so a pod whose
/// labels name no existing SG (one the webhook never labelled) is governed by no rule and denied.
/// </summary>
public sealed record AwsEndpoint(AwsEndpointKind Kind, string Id, IReadOnlyList<IPAddress> Addresses, IReadOnlyList<string> SecurityGroupIds)
{
    public bool Governed => Kind == AwsEndpointKind.Pod || SecurityGroupIds.Count > 0;

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
