using System.Net;
using SgLambda.Core.Calico;
using SgLambda.Core.Ports;

namespace SgLambda.Kubernetes;

/// <summary>
/// Server-side apply, with the fallback both store adapters need: Calico 3.32.0's API server answers NotFound to
/// an apply that would create a tiered policy (projectcalico/calico#12841), so such an object is created instead.
/// A conditional write of an object that was listed never falls back: its NotFound means a newer writer deleted it.
/// </summary>
internal static class ApplyOrCreate
{
    /// <summary>Applies; on Calico 3.32.0's NotFound for a tiered policy, creates (and applies again if one appeared meanwhile).</summary>
    public static async Task RunAsync(
        ObjectKey key, CalicoKind kind, WritePrecondition? precondition, Func<Task> apply, Func<Task> create, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            await apply();
        }
        catch (KubernetesRequestException missing) when (missing.StatusCode == HttpStatusCode.NotFound && TieredPolicy(kind) && precondition is not { Existed: true })
        {
            log?.Invoke($"apply {key}: NotFound, the server cannot create tiered policies by apply (Calico 3.32.0, projectcalico/calico#12841); creating it");
            try
            {
                await create();
            }
            catch (KubernetesRequestException exists) when (exists.StatusCode == HttpStatusCode.Conflict && precondition is null)
            {
                // Created meanwhile: now that it exists, apply updates it (a conditional write lets the newer writer stand).
                await apply();
            }
        }
    }

    // A policy that belongs to a tier (its name carries the tier. prefix): the kinds Calico 3.32.0 cannot create by apply.
    private static bool TieredPolicy(CalicoKind kind) => kind == CalicoKind.GlobalNetworkPolicy || kind == CalicoKind.NetworkPolicy;
}
