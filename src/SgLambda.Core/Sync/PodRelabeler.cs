using SgLambda.Core.Admission;
using SgLambda.Core.Configuration;
using SgLambda.Core.Ports;

namespace SgLambda.Core.Sync;

/// <summary>Finds the pods that lack their SG labels (<see cref="PodRelabeling"/>) and has the webhook relabel each.</summary>
public sealed class PodRelabeler(IPodLabels pods, SgLambdaConfig config)
{
    /// <summary>The pods it asked to relabel, and one warning per pod whose UPDATE failed (the next reconcile retries).</summary>
    public async Task<(IReadOnlyList<string> Relabelled, IReadOnlyList<string> Warnings)> RelabelAsync(CancellationToken cancellationToken)
    {
        var relabelled = new List<string>();
        var warnings = new List<string>();
        IReadOnlyList<PodLabelState> listed;
        try
        {
            listed = await pods.ListPodsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return ([], [$"could not list pods to relabel ({e.Message}); the next reconcile retries"]);
        }
        foreach (var pod in listed)
        {
            if (!PodRelabeling.NeedsRelabel(pod, config)) continue;
            try
            {
                await pods.RequestRelabelAsync(pod, cancellationToken);
                relabelled.Add(pod.ToString());
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                warnings.Add($"pod {pod} lacks its SG labels and its UPDATE failed ({e.Message}); the next reconcile retries");
            }
        }
        return (relabelled, warnings);
    }
}
