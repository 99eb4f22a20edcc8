using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;

namespace SgLambda.Core.Sync;

/// <summary>AWS state from a snapshot (the files <c>render</c> takes), for offline replay and reconcile.</summary>
public sealed class SnapshotInventory(AwsSnapshot snapshot, SgLambdaConfig config) : IAwsInventory, IKubernetesNodes
{
    public Task<AwsSnapshot> ReadAsync(AffectedResources affected, CancellationToken cancellationToken) =>
        Task.FromResult(AffectedSlice.Of(snapshot, affected, config));

    public Task<AwsSnapshot> ReadAllAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot);

    public Task<IReadOnlyList<KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot.Nodes);
}
