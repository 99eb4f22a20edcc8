namespace SgLambda.Core.Aws;

/// <summary>
/// The AWS state the translation reads: all of a VPC (render, reconcile) or the affected part of it
/// (an event). Nothing here is filtered yet; the translation keeps what belongs to the configured VPC.
/// </summary>
public sealed record AwsSnapshot
{
    public IReadOnlyList<SecurityGroup> SecurityGroups { get; init; } = [];
    public IReadOnlyList<NetworkInterface> NetworkInterfaces { get; init; } = [];
    public IReadOnlyList<Vpc> Vpcs { get; init; } = [];
    public IReadOnlyList<ManagedPrefixList> PrefixLists { get; init; } = [];
    public IReadOnlyList<KubernetesNode> Nodes { get; init; } = [];
    /// <summary>RDS DB instances (for attaching the trust SG); the translation reads their ENIs, not these.</summary>
    public IReadOnlyList<DbInstance> DbInstances { get; init; } = [];
    /// <summary>Rule ids; empty when not known (rules are then translated without ids).</summary>
    public IReadOnlyList<SecurityGroupRule> SecurityGroupRules { get; init; } = [];
}
