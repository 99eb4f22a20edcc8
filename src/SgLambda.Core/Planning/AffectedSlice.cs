using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Translation;

namespace SgLambda.Core.Planning;

/// <summary>
/// The part of a full AWS snapshot that <see cref="Ports.IAwsInventory.ReadAsync"/> returns for affected
/// resources. Offline runs (snapshot files) use it directly; the EC2 adapter must return the same slice of
/// the live account, which its tests check. No VPC: only the tiers and helper policies read its CIDR, and
/// events never re-render those.
/// </summary>
public static class AffectedSlice
{
    public static AwsSnapshot Of(AwsSnapshot full, AffectedResources affected, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(affected);
        ArgumentNullException.ThrowIfNull(config);
        var groups = full.SecurityGroups.Where(g => affected.SecurityGroups.Contains(g.GroupId.Trim())).ToList();
        var groupIds = groups.Select(g => g.GroupId.Trim()).ToHashSet(StringComparer.Ordinal);

        // A detach or a termination frees ENIs without an event naming them: read every unattached ENI.
        var freed = !affected.Instances.IsEmpty || !affected.NetworkInterfaceAttachments.IsEmpty;
        var namedEnis = full.NetworkInterfaces.Where(e =>
            affected.NetworkInterfaces.Contains(e.NetworkInterfaceId.Trim())
            || (freed && e.Attachment is null && string.Equals(e.VpcId, config.VpcId, StringComparison.Ordinal))
            || (e.Attachment?.AttachmentId is { } attachment && affected.NetworkInterfaceAttachments.Contains(attachment))
            || (!affected.DbInstances.IsEmpty || !affected.DbClusters.IsEmpty)
                && string.Equals(e.VpcId, config.VpcId, StringComparison.Ordinal)
                && EniClassifier.ResourceTypeOf(e) == ResourceTypes.Rds
            // Another service's ENIs, by description or by the SGs the call set.
            || string.Equals(e.VpcId, config.VpcId, StringComparison.Ordinal)
                && (affected.NetworkInterfaceDescriptions.Any(p => DescriptionPattern.Matches(p, e.Description))
                    || e.Groups.Any(g => affected.SecurityGroupMembers.Contains(g.GroupId.Trim())))).ToList();
        var namedIds = namedEnis.Select(e => e.NetworkInterfaceId.Trim()).ToHashSet(StringComparer.Ordinal);
        // Every ENI of every instance involved, so node classification sees each instance's primary ENI.
        var instances = affected.Instances
            .Concat(namedEnis.Select(e => e.Attachment?.InstanceId?.Trim()).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var enis = full.NetworkInterfaces
            .Where(e => namedIds.Contains(e.NetworkInterfaceId.Trim()) || (e.Attachment?.InstanceId?.Trim() is { } instance && instances.Contains(instance)))
            .ToList();

        var lists = affected.PrefixLists
            .Concat(groups.SelectMany(g => g.IpPermissions.Concat(g.IpPermissionsEgress)).SelectMany(p => p.PrefixListIds).Select(p => p.Id.Trim()))
            .ToHashSet(StringComparer.Ordinal);

        return new AwsSnapshot
        {
            SecurityGroups = groups,
            SecurityGroupRules = [.. full.SecurityGroupRules.Where(r => groupIds.Contains(r.GroupId.Trim()))],
            NetworkInterfaces = enis,
            PrefixLists = [.. full.PrefixLists.Where(p => lists.Contains(p.PrefixListId.Trim()))],
            DbInstances = [.. full.DbInstances.Where(d => affected.DbInstances.Contains(d.DBInstanceIdentifier)
                || (d.DBClusterIdentifier is { } cluster && affected.DbClusters.Contains(cluster)))],
            Nodes = full.Nodes,
        };
    }
}
