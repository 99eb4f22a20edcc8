using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Planning;

/// <summary>
/// Which VPC members need the trust SG (SEMANTICS.md section 6), when <c>attachTrustSecurityGroup</c> is
/// on. Only what SgLambda may change: EC2 ENIs it can modify (not requester-managed ones, which belong to
/// ELB, Lambda, VPC endpoints...; those are reported so an operator adds the SG through their service) and
/// RDS instances or Aurora clusters (with <c>trustDatabaseTag</c>, only those tagged so). Groups are only ever added.
/// </summary>
public static class TrustAttachmentPlanner
{
    public static IReadOnlyList<TrustAttachment> Plan(AwsSnapshot snapshot, SgLambdaConfig config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warnings);
        if (!config.AttachTrustSecurityGroup || config.TrustSecurityGroupId is not { } trust) return [];
        var nodes = ClusterNodes.From(snapshot, config);
        var attachments = new List<TrustAttachment>();
        foreach (var eni in snapshot.NetworkInterfaces.OrderBy(e => e.NetworkInterfaceId, StringComparer.Ordinal))
        {
            if (EniClassifier.Classify(eni, config, nodes) is not EniRole.VpcMember member) continue;
            var groups = eni.Groups.Select(g => g.GroupId.Trim()).ToList();
            if (groups.Count == 0 || groups.Contains(trust, StringComparer.Ordinal)) continue;
            if (member.ResourceType == Calico.ResourceTypes.Rds) continue; // through ModifyDBInstance below
            if (eni.RequesterManaged == true)
            {
                warnings.Add($"{eni.NetworkInterfaceId} ({member.ResourceType}) lacks the trust SG {trust} and is managed by its AWS service; add the SG there");
                continue;
            }
            attachments.Add(new TrustAttachment(TrustTargetKind.NetworkInterface, eni.NetworkInterfaceId.Trim(), [.. groups, trust]));
        }

        var clusters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var db in snapshot.DbInstances.OrderBy(d => d.DBInstanceIdentifier, StringComparer.Ordinal))
        {
            if (!string.Equals(db.VpcId, config.VpcId, StringComparison.Ordinal) || db.VpcSecurityGroupIds.Contains(trust, StringComparer.Ordinal)) continue;
            if (config.TrustDatabaseTag is { } tag && !db.TagList.Any(t => t.Key == tag && t.Value == "true"))
            {
                warnings.Add($"DB instance {db.DBInstanceIdentifier} lacks the trust SG {trust} and is not tagged {tag}=true, so SgLambda may not modify it; tag it (and its Aurora cluster) to have the SG attached");
                continue;
            }
            if (db.DBClusterIdentifier is { } cluster)
            {
                if (clusters.Add(cluster)) attachments.Add(new TrustAttachment(TrustTargetKind.DbCluster, cluster, [.. db.VpcSecurityGroupIds, trust]));
            }
            else
            {
                attachments.Add(new TrustAttachment(TrustTargetKind.DbInstance, db.DBInstanceIdentifier, [.. db.VpcSecurityGroupIds, trust]));
            }
        }
        return attachments;
    }
}
