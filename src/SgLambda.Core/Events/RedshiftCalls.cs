namespace SgLambda.Core.Events;

/// <summary>
/// Amazon Redshift (Query API, recorded in camelCase): <c>vpcSecurityGroupIds</c> of CreateCluster,
/// ModifyCluster and RestoreFromClusterSnapshot. Every Redshift ENI is described
/// <c>RedshiftNetworkInterface</c> (no cluster name), so all of them are re-read, with the SGs' members;
/// a Modify call without SGs changes nothing SgLambda renders.
/// </summary>
internal static class RedshiftCalls
{
    public const string NetworkInterfaceDescription = "RedshiftNetworkInterface";

    public static CallEffect SecurityGroupsSet(CloudTrailCall call)
    {
        var groups = GroupIdList.Read(call.Request["vpcSecurityGroupIds"]);
        var affected = new AffectedBuilder();
        if (groups.Count == 0) return affected.Effect($"{call.EventName} sets no vpcSecurityGroupIds (it changes nothing SgLambda renders)");
        var cluster = ResourceName.Required(call.Request["clusterIdentifier"], "a Redshift cluster identifier");
        affected.MembersOf(groups).NetworkInterfaceDescription(NetworkInterfaceDescription);
        return affected.Effect($"security groups of Redshift cluster {cluster} set to {Ids.Join(groups)}");
    }
}
