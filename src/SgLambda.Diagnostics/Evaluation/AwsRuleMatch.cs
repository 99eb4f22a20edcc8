using SgLambda.Core.Aws;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>The SG rule that allowed one side of a flow: the group, the permission and the peer that matched.</summary>
public sealed record AwsRuleMatch(string SecurityGroupId, IpPermission Permission, string Peer)
{
    public override string ToString()
    {
        var ports = Permission.FromPort is null && Permission.ToPort is null ? "" : $" {Permission.FromPort}-{Permission.ToPort}";
        return $"{SecurityGroupId}: {Permission.IpProtocol}{ports} peer {Peer}";
    }
}
