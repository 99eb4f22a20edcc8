namespace SgLambda.Core.Events;

/// <summary>
/// Amazon EKS: the cluster's name and <c>resourcesVpcConfig.securityGroupIds</c> of CreateCluster and
/// UpdateClusterConfig. CloudTrail records CreateCluster's name as <c>clusterName</c> (the EKS User Guide's
/// CloudTrail example), though the API's body calls it <c>name</c>; a path parameter is recorded as
/// <c>name</c> (the <c>{name}</c> of <c>/clusters/{name}/update-config</c>), so either is read. The control
/// plane's cross-account ENIs are described <c>Amazon EKS NAME</c>; a configuration update without SGs
/// (logging, access) changes nothing SgLambda renders.
/// </summary>
internal static class EksCalls
{
    public static CallEffect ClusterConfigured(CloudTrailCall call)
    {
        var groups = GroupIdList.Read(call.Request["resourcesVpcConfig"]["securityGroupIds"]);
        var affected = new AffectedBuilder();
        if (groups.Count == 0) return affected.Effect($"{call.EventName} sets no security groups (it changes nothing SgLambda renders)");
        var name = ResourceName.Optional(call.Request["clusterName"])
            ?? ResourceName.Required(call.Request["name"], "a cluster name (clusterName or name)");
        affected.MembersOf(groups)
            .NetworkInterfaceDescription($"Amazon EKS {name}")
            .Vpc(call.Response["cluster"]["resourcesVpcConfig"]["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
        return affected.Effect($"security groups of EKS cluster {name} set to {Ids.Join(groups)}");
    }
}
