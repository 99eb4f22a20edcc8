using System.Text;
using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Evaluation;

namespace SgLambda.TestSupport.Properties;

/// <summary>A generated VPC, cluster and configuration, with the flows to check on it. Prints compactly for counterexamples.</summary>
public sealed record Topology(AwsSnapshot Snapshot, SgLambdaConfig Config, IReadOnlyList<Pod> Pods, IReadOnlyList<Flow> Flows)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"config: pod SG {Config.PodSecurityGroupId ?? "-"}, node SGs [{string.Join(",", Config.NodeSecurityGroupIds)}], "
            + $"exempt [{string.Join(",", Config.ExemptNamespaces)}], enforceNodes {Config.EnforceNodes}, metadata {Config.DefaultPodMetadataAccess}, {Config.CalicoApiGroup}");
        text.AppendLine($"vpc {(Snapshot.Vpcs.Count > 0 ? Snapshot.Vpcs[0].CidrBlock : null)}; k8s nodes [{string.Join(", ", Snapshot.Nodes.Select(n => $"{n.Name}={n.InstanceId}"))}]");
        foreach (var group in Snapshot.SecurityGroups)
        {
            text.AppendLine($"{group.GroupId} ({group.VpcId})");
            foreach (var permission in group.IpPermissions) text.AppendLine($"  in  {Describe(permission)}");
            foreach (var permission in group.IpPermissionsEgress) text.AppendLine($"  out {Describe(permission)}");
        }
        foreach (var list in Snapshot.PrefixLists)
        {
            text.AppendLine($"{list.PrefixListId}: {string.Join(", ", list.Entries.Select(e => e.Cidr))}");
        }
        foreach (var eni in Snapshot.NetworkInterfaces)
        {
            var addresses = eni.PrivateIpAddresses.Select(a => a.PrivateIpAddress).Concat(eni.Ipv6Addresses.Select(a => a.Ipv6Address));
            var attachment = eni.Attachment is { } a ? $" on {a.InstanceId}#{a.DeviceIndex}" : "";
            var tags = eni.TagSet.Count > 0 ? $" tags [{string.Join(",", eni.TagSet.Select(t => t.Key))}]" : "";
            text.AppendLine($"{eni.NetworkInterfaceId} {eni.InterfaceType} {eni.VpcId}{attachment} \"{eni.Description}\"{tags} "
                + $"groups [{string.Join(",", eni.Groups.Select(g => g.GroupId))}] ips [{string.Join(", ", addresses)}]");
        }
        foreach (var pod in Pods)
        {
            text.AppendLine($"pod {pod.Namespace}/{pod.Name} {pod.Ip} {{{string.Join(", ", pod.Labels.Select(l => $"{l.Key}={l.Value}"))}}}");
        }
        text.AppendLine($"{Flows.Count} flows{(Flows.Count == 1 ? ": " + Flows[0] : "")}");
        return text.ToString();
    }

    private static string Describe(IpPermission permission)
    {
        IEnumerable<string> peers =
        [
            .. permission.IpRanges.Select(r => r.CidrIp),
            .. permission.Ipv6Ranges.Select(r => r.CidrIpv6),
            .. permission.UserIdGroupPairs.Select(p => p.GroupId),
            .. permission.PrefixListIds.Select(p => p.Id),
        ];
        return $"{permission.IpProtocol} {permission.FromPort}..{permission.ToPort} [{string.Join(", ", peers)}]";
    }
}
