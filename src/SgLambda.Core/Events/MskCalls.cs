namespace SgLambda.Core.Events;

/// <summary>
/// Amazon MSK: the brokers' SGs are set only when the cluster is created (CreateCluster
/// <c>brokerNodeGroupInfo.securityGroups</c>, CreateClusterV2 <c>provisioned.brokerNodeGroupInfo.securityGroups</c>
/// or <c>serverless.vpcConfigs[].securityGroupIds</c>); the SGs' members are re-read.
/// </summary>
internal static class MskCalls
{
    public static CallEffect ClusterCreated(CloudTrailCall call)
    {
        var groups = JsonSearch.ValuesOf(call.Request, "securityGroups")
            .Concat(JsonSearch.ValuesOf(call.Request, "securityGroupIds"))
            .SelectMany(GroupIdList.Read)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var affected = new AffectedBuilder().MembersOf(groups);
        var name = ResourceName.Optional(call.Request["clusterName"]) ?? "(unnamed)";
        return affected.Effect(groups.Count == 0
            ? $"MSK cluster {name} names no security groups (it changes nothing SgLambda renders)"
            : $"MSK cluster {name} created in {Ids.Join(groups)}");
    }
}
