using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>Every registered node's primary ENI carries the enforced SG (SEMANTICS.md section 6).</summary>
public static class EnforcedSecurityGroupCheck
{
    public const string Title = "The enforced SG on every node";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Input.Config;
        if (config.EnforcedSecurityGroupId is not { } enforced)
            return CheckResult.Skip(CheckIds.EnforcedSecurityGroup, Title, "no enforcedSecurityGroupId in the config");
        var snapshot = context.Input.Aws;
        if (snapshot.Nodes.Count == 0)
            return CheckResult.Skip(CheckIds.EnforcedSecurityGroup, Title, "no Nodes known (a cluster snapshot with live AWS lists none)");
        var findings = new List<DoctorFinding>();
        foreach (var node in snapshot.Nodes.Where(n => n.InstanceId is not null).OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            var primary = snapshot.NetworkInterfaces.FirstOrDefault(e =>
                string.Equals(e.Attachment?.InstanceId?.Trim(), node.InstanceId!.Trim(), StringComparison.Ordinal)
                && string.Equals(e.VpcId?.Trim(), config.VpcId, StringComparison.Ordinal)
                && EniClassifier.IsPrimary(e));
            if (primary is null) continue; // not in this VPC: not this integration's node
            var groups = primary.Groups.Select(g => g.GroupId.Trim()).ToList();
            if (groups.Contains(enforced, StringComparer.Ordinal)) continue;
            var eni = primary.NetworkInterfaceId.Trim();
            findings.Add(new DoctorFinding(CheckIds.EnforcedSecurityGroup, FindingIds.EnforcedSecurityGroupMissing, DoctorSeverity.Error, node.Name,
                $"node {node.Name} ({node.InstanceId}, {eni}) lacks the enforced SG {enforced}",
                "VPC members' trust SG admits only holders of the enforced SG: AWS drops traffic between this node's pods and the members that Calico passed",
                $"aws ec2 modify-network-interface-attribute --network-interface-id {eni} --groups {string.Join(' ', groups.Append(enforced))} (and add it to the node group's launch template)"));
        }
        return CheckResult.Of(CheckIds.EnforcedSecurityGroup, Title, findings);
    }
}
