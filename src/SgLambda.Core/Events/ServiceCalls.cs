using System.Collections.Frozen;

namespace SgLambda.Core.Events;

/// <summary>
/// The calls of other AWS services that set the SGs of ENIs those services own (docs/events.md lists
/// each with its source). Keyed by source and name: several services have a CreateCluster.
/// </summary>
internal static class ServiceCalls
{
    public static FrozenDictionary<(string Source, string EventName), CallHandler> ByCall { get; } = new Dictionary<(string, string), CallHandler>
    {
        [(EventTypes.EfsSource, "CreateMountTarget")] = new(EventTypes.EfsSource, EfsCalls.CreateMountTarget),
        [(EventTypes.EfsSource, "ModifyMountTargetSecurityGroups")] = new(EventTypes.EfsSource, EfsCalls.ModifyMountTargetSecurityGroups),
        [(EventTypes.LoadBalancingSource, "CreateLoadBalancer")] = new(EventTypes.LoadBalancingSource, LoadBalancerCalls.Create),
        [(EventTypes.LoadBalancingSource, "SetSecurityGroups")] = new(EventTypes.LoadBalancingSource, LoadBalancerCalls.SetSecurityGroups),
        [(EventTypes.LoadBalancingSource, "ApplySecurityGroupsToLoadBalancer")] = new(EventTypes.LoadBalancingSource, LoadBalancerCalls.ApplySecurityGroups),
        [(EventTypes.LambdaSource, "CreateFunction20150331")] = new(EventTypes.LambdaSource, LambdaCalls.FunctionConfigured),
        [(EventTypes.LambdaSource, "UpdateFunctionConfiguration20150331v2")] = new(EventTypes.LambdaSource, LambdaCalls.FunctionConfigured),
        [(EventTypes.ElastiCacheSource, "CreateCacheCluster")] = new(EventTypes.ElastiCacheSource, ElastiCacheCalls.SecurityGroupsSet),
        [(EventTypes.ElastiCacheSource, "ModifyCacheCluster")] = new(EventTypes.ElastiCacheSource, ElastiCacheCalls.SecurityGroupsSet),
        [(EventTypes.ElastiCacheSource, "CreateReplicationGroup")] = new(EventTypes.ElastiCacheSource, ElastiCacheCalls.SecurityGroupsSet),
        [(EventTypes.ElastiCacheSource, "ModifyReplicationGroup")] = new(EventTypes.ElastiCacheSource, ElastiCacheCalls.SecurityGroupsSet),
        [(EventTypes.ElastiCacheSource, "CreateServerlessCache")] = new(EventTypes.ElastiCacheSource, ElastiCacheCalls.SecurityGroupsSet),
        [(EventTypes.ElastiCacheSource, "ModifyServerlessCache")] = new(EventTypes.ElastiCacheSource, ElastiCacheCalls.SecurityGroupsSet),
        [(EventTypes.RedshiftSource, "CreateCluster")] = new(EventTypes.RedshiftSource, RedshiftCalls.SecurityGroupsSet),
        [(EventTypes.RedshiftSource, "ModifyCluster")] = new(EventTypes.RedshiftSource, RedshiftCalls.SecurityGroupsSet),
        [(EventTypes.RedshiftSource, "RestoreFromClusterSnapshot")] = new(EventTypes.RedshiftSource, RedshiftCalls.SecurityGroupsSet),
        [(EventTypes.OpenSearchSource, "CreateDomain")] = new(EventTypes.OpenSearchSource, OpenSearchCalls.DomainConfigured),
        [(EventTypes.OpenSearchSource, "UpdateDomainConfig")] = new(EventTypes.OpenSearchSource, OpenSearchCalls.DomainConfigured),
        [(EventTypes.OpenSearchSource, "CreateElasticsearchDomain")] = new(EventTypes.OpenSearchSource, OpenSearchCalls.DomainConfigured),
        [(EventTypes.OpenSearchSource, "UpdateElasticsearchDomainConfig")] = new(EventTypes.OpenSearchSource, OpenSearchCalls.DomainConfigured),
        [(EventTypes.MskSource, "CreateCluster")] = new(EventTypes.MskSource, MskCalls.ClusterCreated),
        [(EventTypes.MskSource, "CreateClusterV2")] = new(EventTypes.MskSource, MskCalls.ClusterCreated),
        [(EventTypes.EksSource, "CreateCluster")] = new(EventTypes.EksSource, EksCalls.ClusterConfigured),
        [(EventTypes.EksSource, "UpdateClusterConfig")] = new(EventTypes.EksSource, EksCalls.ClusterConfigured),
    }.ToFrozenDictionary();
}
