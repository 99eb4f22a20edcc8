namespace SgLambda.Core.Events;

/// <summary>
/// EC2 instance calls. Instances are named so the reader re-reads all their ENIs (a node's primary ENI
/// decides whether it is a cluster node); RunInstances also names the ENIs it created.
/// </summary>
internal static class InstanceCalls
{
    /// <summary>responseElements.instancesSet.items[]: instanceId, vpcId, networkInterfaceSet.items[].networkInterfaceId.</summary>
    public static CallEffect Run(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var launched = call.Response["instancesSet"];
        foreach (var instance in launched.Items())
        {
            affected.Instance(instance["instanceId"].RequiredId(Ids.Instance, Ids.InstanceKind));
            affected.Vpc(instance["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
            foreach (var eni in instance["networkInterfaceSet"].Items())
            {
                affected.NetworkInterface(eni["networkInterfaceId"].OptionalId(Ids.NetworkInterface, Ids.NetworkInterfaceKind));
                affected.Vpc(eni["vpcId"].OptionalId(Ids.Vpc, Ids.VpcKind));
            }
        }
        if (affected.Instances.Count == 0) throw JsonField.Malformed($"{launched.Path} is missing or empty (expected the launched instances)");
        return affected.Effect($"{Ids.Counted("instance", affected.Instances)} launched");
    }

    /// <summary>Start/Stop/TerminateInstances: instancesSet.items[].instanceId in the request and the response.</summary>
    public static CallEffect StateChanged(CloudTrailCall call)
    {
        var affected = new AffectedBuilder();
        var requested = call.Request["instancesSet"];
        foreach (var instance in requested.Items().Concat(call.Response["instancesSet"].Items()))
            affected.Instance(instance["instanceId"].OptionalId(Ids.Instance, Ids.InstanceKind));
        if (affected.Instances.Count == 0) throw JsonField.Malformed($"{requested.Path} is missing or empty (expected instance ids)");
        var verb = call.EventName switch
        {
            "StartInstances" => "started",
            "StopInstances" => "stopped",
            _ => "terminated",
        };
        return affected.Effect($"{Ids.Counted("instance", affected.Instances)} {verb}");
    }

    /// <summary>
    /// ModifyInstanceAttribute changes the instance's SGs (on its primary ENI) only with groupSet
    /// (<c>{"instanceId":"i-..","groupSet":{"items":[{"groupId":"sg-.."}]}}</c>); other attributes are skipped.
    /// </summary>
    public static CallEffect AttributeModified(CloudTrailCall call)
    {
        var instance = call.Request["instanceId"].RequiredId(Ids.Instance, Ids.InstanceKind);
        var attribute = call.Request["attribute"].OptionalString();
        if (!call.Request["groupSet"].Exists && !string.Equals(attribute, "groupSet", StringComparison.OrdinalIgnoreCase))
            return new AffectedBuilder().Effect($"ModifyInstanceAttribute of {instance} does not change its security groups");
        return new AffectedBuilder().Instance(instance).Effect($"security groups of instance {instance} changed");
    }
}
