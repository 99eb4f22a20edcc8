using System.Collections.Frozen;

namespace SgLambda.Core.Events;

/// <summary>The CloudTrail calls SgLambda reacts to, by event name, with the EventBridge source each comes from.</summary>
internal static class CloudTrailCalls
{
    public static FrozenDictionary<string, CallHandler> ByName { get; } = new Dictionary<string, CallHandler>(StringComparer.Ordinal)
    {
        ["CreateSecurityGroup"] = Ec2(SecurityGroupCalls.Create),
        ["DeleteSecurityGroup"] = Ec2(SecurityGroupCalls.Delete),
        ["AuthorizeSecurityGroupIngress"] = Ec2(SecurityGroupCalls.RulesChanged),
        ["AuthorizeSecurityGroupEgress"] = Ec2(SecurityGroupCalls.RulesChanged),
        ["RevokeSecurityGroupIngress"] = Ec2(SecurityGroupCalls.RulesChanged),
        ["RevokeSecurityGroupEgress"] = Ec2(SecurityGroupCalls.RulesChanged),
        ["UpdateSecurityGroupRuleDescriptionsIngress"] = Ec2(SecurityGroupCalls.RulesChanged),
        ["UpdateSecurityGroupRuleDescriptionsEgress"] = Ec2(SecurityGroupCalls.RulesChanged),
        ["ModifySecurityGroupRules"] = Ec2(SecurityGroupCalls.RulesModified),
        ["RunInstances"] = Ec2(InstanceCalls.Run),
        ["TerminateInstances"] = Ec2(InstanceCalls.StateChanged),
        ["StartInstances"] = Ec2(InstanceCalls.StateChanged),
        ["StopInstances"] = Ec2(InstanceCalls.StateChanged),
        ["ModifyInstanceAttribute"] = Ec2(InstanceCalls.AttributeModified),
        ["CreateNetworkInterface"] = Ec2(NetworkInterfaceCalls.Create),
        ["DeleteNetworkInterface"] = Ec2(NetworkInterfaceCalls.Delete),
        ["ModifyNetworkInterfaceAttribute"] = Ec2(NetworkInterfaceCalls.AttributeModified),
        ["AttachNetworkInterface"] = Ec2(NetworkInterfaceCalls.Attach),
        ["DetachNetworkInterface"] = Ec2(NetworkInterfaceCalls.Detach),
        ["AssignPrivateIpAddresses"] = Ec2(NetworkInterfaceCalls.PrivateIpsChanged),
        ["UnassignPrivateIpAddresses"] = Ec2(NetworkInterfaceCalls.PrivateIpsChanged),
        ["AssignIpv6Addresses"] = Ec2(NetworkInterfaceCalls.Ipv6AddressesChanged),
        ["UnassignIpv6Addresses"] = Ec2(NetworkInterfaceCalls.Ipv6AddressesChanged),
        ["CreateVpcEndpoint"] = Ec2(VpcEndpointCalls.Changed),
        ["ModifyVpcEndpoint"] = Ec2(VpcEndpointCalls.Changed),
        ["RestoreManagedPrefixListVersion"] = Ec2(PrefixListCalls.Changed),
        ["CreateManagedPrefixList"] = Ec2(PrefixListCalls.Changed),
        ["ModifyManagedPrefixList"] = Ec2(PrefixListCalls.Changed),
        ["DeleteManagedPrefixList"] = Ec2(PrefixListCalls.Changed),
        ["CreateDBInstance"] = Rds(RdsCalls.DbInstance),
        ["ModifyDBInstance"] = Rds(RdsCalls.DbInstance),
        ["DeleteDBInstance"] = Rds(RdsCalls.DbInstance),
        ["CreateDBCluster"] = Rds(RdsCalls.DbCluster),
        ["ModifyDBCluster"] = Rds(RdsCalls.DbCluster),
        ["DeleteDBCluster"] = Rds(RdsCalls.DbCluster),
        ["RestoreDBInstanceFromDBSnapshot"] = Rds(RdsCalls.DbInstance),
        ["RestoreDBInstanceToPointInTime"] = Rds(RdsCalls.DbInstance),
        ["RestoreDBInstanceFromS3"] = Rds(RdsCalls.DbInstance),
        ["CreateDBInstanceReadReplica"] = Rds(RdsCalls.DbInstance),
        ["RestoreDBClusterFromSnapshot"] = Rds(RdsCalls.DbCluster),
        ["RestoreDBClusterToPointInTime"] = Rds(RdsCalls.DbCluster),
        ["RestoreDBClusterFromS3"] = Rds(RdsCalls.DbCluster),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The handler of a call from a source, in this table or in <see cref="ServiceCalls"/>; null when neither knows it.</summary>
    public static CallHandler? Find(string source, string eventName) =>
        ByName.TryGetValue(eventName, out var handler) && string.Equals(handler.Source, source, StringComparison.Ordinal) ? handler
        : ServiceCalls.ByCall.GetValueOrDefault((source, eventName));

    /// <summary>Every handled call with its source.</summary>
    public static IReadOnlyCollection<HandledCall> All { get; } =
        [.. ByName.Select(c => new HandledCall(c.Value.Source, c.Key)), .. ServiceCalls.ByCall.Keys.Select(k => new HandledCall(k.Source, k.EventName))];

    /// <summary>The sources whose calls are all known: a write call from any other source goes to <see cref="UnknownServiceCalls"/>.</summary>
    public static IReadOnlySet<string> KnownSources { get; } = All.Select(c => c.Source).ToFrozenSet(StringComparer.Ordinal);

    private static CallHandler Ec2(Func<CloudTrailCall, CallEffect> classify) => new(EventTypes.Ec2Source, classify);

    private static CallHandler Rds(Func<CloudTrailCall, CallEffect> classify) => new(EventTypes.RdsSource, classify);
}
