using SgLambda.Core.Aws;
using SgLambda.Core.Events;

namespace SgLambda.Core.Ports;

/// <summary>
/// The authoritative AWS state of the configured VPC. Implemented on AWSSDK.EC2 (and a small RDS
/// client), and on snapshot files for offline runs.
/// </summary>
public interface IAwsInventory
{
    /// <summary>
    /// The affected part: the SGs named (with their rule ids and the prefix lists their rules reference),
    /// the ENIs named, every ENI of the instances named (and of the instances of the ENIs named, so node
    /// classification sees primary ENIs), the RDS ENIs (and the DB instances) when DB resources are named,
    /// the prefix lists named, the ENIs whose description matches a description named or that are in an SG whose
    /// members are named, and, when instances or attachments are named (a termination or a detach
    /// frees ENIs that no event names), every unattached ENI of the VPC. A resource that no longer exists is simply absent. O(1) API calls, whatever
    /// the size of the account.
    /// </summary>
    Task<AwsSnapshot> ReadAsync(AffectedResources affected, CancellationToken cancellationToken);

    /// <summary>Everything in the VPC: for render and the full reconcile.</summary>
    Task<AwsSnapshot> ReadAllAsync(CancellationToken cancellationToken);
}
