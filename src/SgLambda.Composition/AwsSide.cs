using SgLambda.Core.Ports;

namespace SgLambda.Composition;

/// <summary>AWS as a source opened it: what the engine reads, and what it may write.</summary>
public sealed record AwsSide : IDisposable
{
    public required IAwsInventory Inventory { get; init; }

    /// <summary>The snapshot's nodes.json; null when AWS is live (the cluster's Node list is the truth then).</summary>
    public IKubernetesNodes? SnapshotNodes { get; init; }

    /// <summary>The trust SG writer; null offline (a snapshot is not the account).</summary>
    public IAwsSecurityGroupWriter? Writer { get; init; }

    /// <summary>The region of the live clients; null offline.</summary>
    public string? Region { get; init; }

    public bool IsLive => Writer is not null;

    internal IReadOnlyList<IDisposable> Clients { get; init; } = [];

    public void Dispose()
    {
        foreach (var client in Clients) client.Dispose();
    }
}
