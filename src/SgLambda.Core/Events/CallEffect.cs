namespace SgLambda.Core.Events;

/// <summary>
/// What a CloudTrail call touches: the affected resources, a human reason, and the VPCs the call names
/// (only some calls name one: CreateSecurityGroup, RunInstances, CreateNetworkInterface, CreateDBInstance).
/// </summary>
internal sealed record CallEffect(AffectedResources Affected, string Reason, IReadOnlyCollection<string> VpcIds);
