using SgLambda.Core.Admission;

namespace SgLambda.Core.Ports;

/// <summary>The cluster's pods, as the relabelling reads them, and the UPDATE that has the webhook relabel one.</summary>
public interface IPodLabels
{
    Task<IReadOnlyList<PodLabelState>> ListPodsAsync(CancellationToken cancellationToken);

    /// <summary>An UPDATE of the pod that changes nothing itself: the admission webhook's patch writes its labels.</summary>
    Task RequestRelabelAsync(PodLabelState pod, CancellationToken cancellationToken);
}
