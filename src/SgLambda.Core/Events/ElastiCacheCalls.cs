namespace SgLambda.Core.Events;

/// <summary>
/// Amazon ElastiCache (Query API, recorded in camelCase): cache clusters, replication groups and
/// serverless caches take <c>securityGroupIds</c>. Their ENIs' descriptions are not documented, so the
/// members of the SGs named are re-read (and ENIs described <c>ElastiCache ID*</c>, as node ENIs are
/// seen described); a Modify call without SGs changes nothing SgLambda renders.
/// </summary>
internal static class ElastiCacheCalls
{
    public static CallEffect SecurityGroupsSet(CloudTrailCall call)
    {
        var groups = GroupIdList.Read(call.Request["securityGroupIds"]);
        var affected = new AffectedBuilder();
        if (groups.Count == 0) return affected.Effect($"{call.EventName} sets no securityGroupIds (it changes nothing SgLambda renders)");
        var id = ResourceName.Optional(call.Request["replicationGroupId"])
            ?? ResourceName.Optional(call.Request["cacheClusterId"])
            ?? ResourceName.Required(call.Request["serverlessCacheName"], "a cache cluster, replication group or serverless cache id");
        affected.MembersOf(groups).NetworkInterfaceDescription($"ElastiCache {id}*");
        return affected.Effect($"security groups of ElastiCache {id} set to {Ids.Join(groups)}");
    }
}
