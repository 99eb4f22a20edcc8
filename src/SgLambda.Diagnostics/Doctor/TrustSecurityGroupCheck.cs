using SgLambda.Core.Calico;
using SgLambda.Core.Translation;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// Every SG-governed VPC member carries the trust SG (SEMANTICS.md section 6): without it AWS filters the
/// traffic between the member and pods or nodes with SG rules that know nothing of pods.
/// </summary>
public static class TrustSecurityGroupCheck
{
    public const string Title = "The trust SG on every VPC member";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Input.Config;
        if (config.TrustSecurityGroupId is not { } trust)
            return CheckResult.Skip(CheckIds.TrustSecurityGroup, Title, "no trustSecurityGroupId in the config");
        var snapshot = context.Input.Aws;
        var nodes = ClusterNodes.From(snapshot, config);
        var findings = new List<DoctorFinding>();
        const string Why = "AWS keeps filtering traffic between it and the pods or nodes by its SGs, which know pods only as node IPs: flows the SGs allow are dropped";

        foreach (var eni in snapshot.NetworkInterfaces.OrderBy(e => e.NetworkInterfaceId, StringComparer.Ordinal))
        {
            if (EniClassifier.Classify(eni, config, nodes) is not EniRole.VpcMember member) continue;
            var groups = eni.Groups.Select(g => g.GroupId.Trim()).ToList();
            // ENIs with no SG are not SG-governed; RDS ENIs are checked through their DB below.
            if (groups.Count == 0 || groups.Contains(trust, StringComparer.Ordinal) || member.ResourceType == ResourceTypes.Rds) continue;
            var id = eni.NetworkInterfaceId.Trim();
            var fix = member.ResourceType == ResourceTypes.EksControlPlane
                ? $"aws eks update-cluster-config --name {config.ClusterName ?? "<cluster>"} --resources-vpc-config securityGroupIds={string.Join(',', groups.Append(trust))}"
                : eni.RequesterManaged == true
                ? $"add {trust} through the service that owns it ({member.ResourceType}: e.g. aws elbv2 set-security-groups, aws ec2 modify-vpc-endpoint --add-security-group-ids {trust})"
                : $"aws ec2 modify-network-interface-attribute --network-interface-id {id} --groups {string.Join(' ', groups.Append(trust))}";
            findings.Add(new DoctorFinding(CheckIds.TrustSecurityGroup, FindingIds.TrustSecurityGroupMissing, DoctorSeverity.Error, id,
                $"VPC member {id} ({member.ResourceType}) lacks the trust SG {trust}", Why, fix));
        }

        var clusters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var db in snapshot.DbInstances.OrderBy(d => d.DBInstanceIdentifier, StringComparer.Ordinal))
        {
            if (!string.Equals(db.VpcId, config.VpcId, StringComparison.Ordinal) || db.VpcSecurityGroupIds.Contains(trust, StringComparer.Ordinal)) continue;
            var groups = string.Join(' ', db.VpcSecurityGroupIds.Append(trust));
            if (db.DBClusterIdentifier is { } cluster)
            {
                if (!clusters.Add(cluster)) continue;
                findings.Add(new DoctorFinding(CheckIds.TrustSecurityGroup, FindingIds.TrustSecurityGroupMissing, DoctorSeverity.Error, cluster,
                    $"DB cluster {cluster} lacks the trust SG {trust}", Why,
                    $"aws rds modify-db-cluster --db-cluster-identifier {cluster} --vpc-security-group-ids {groups} --apply-immediately"));
            }
            else
            {
                findings.Add(new DoctorFinding(CheckIds.TrustSecurityGroup, FindingIds.TrustSecurityGroupMissing, DoctorSeverity.Error, db.DBInstanceIdentifier,
                    $"DB instance {db.DBInstanceIdentifier} lacks the trust SG {trust}", Why,
                    $"aws rds modify-db-instance --db-instance-identifier {db.DBInstanceIdentifier} --vpc-security-group-ids {groups} --apply-immediately"));
            }
        }
        return CheckResult.Of(CheckIds.TrustSecurityGroup, Title, findings);
    }
}
