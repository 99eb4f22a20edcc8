using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Cli.Output;

/// <summary>A store that advances a progress bar on every apply and delete, and otherwise does what the inner store does.</summary>
internal sealed class ProgressCalicoStore(ICalicoStore inner, ProgressBar progress) : ICalicoStore
{
    public Task<IReadOnlyList<CalicoObject>> ListAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
        inner.ListAsync(kind, query, cancellationToken);

    public Task<CalicoListing> ListVersionedAsync(CalicoKind kind, LabelQuery query, CancellationToken cancellationToken) =>
        inner.ListVersionedAsync(kind, query, cancellationToken);

    public async Task<bool> ApplyIfUnchangedAsync(CalicoObject value, WritePrecondition precondition, CancellationToken cancellationToken)
    {
        var written = await inner.ApplyIfUnchangedAsync(value, precondition, cancellationToken);
        progress.Advance();
        return written;
    }

    public async Task ApplyAsync(CalicoObject value, CancellationToken cancellationToken)
    {
        await inner.ApplyAsync(value, cancellationToken);
        progress.Advance();
    }

    public async Task DeleteAsync(ObjectKey key, string? resourceVersion, CancellationToken cancellationToken)
    {
        await inner.DeleteAsync(key, resourceVersion, cancellationToken);
        progress.Advance();
    }
}
