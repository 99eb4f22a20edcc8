using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A mutating admission webhook registered for pod CREATE and UPDATE, as a MutatingWebhookConfiguration registers
/// one (SgLambda's <c>infra/cluster/webhook.yaml</c>): the emulator sends it an <c>admission.k8s.io/v1</c>
/// AdmissionReview of every pod create, update and patch (not server-side apply) outside
/// <see cref="ExcludedNamespaces"/>, applies the JSONPatch it answers, and refuses the write when it denies.
/// </summary>
/// <param name="Name">The webhook's name, as the API server quotes it in errors.</param>
/// <param name="Call">Posts the review (the AdmissionReview JSON) and returns the webhook's AdmissionReview answer.</param>
public sealed record MutatingPodWebhook(string Name, Func<JsonObject, CancellationToken, Task<JsonObject>> Call)
{
    /// <summary>The namespaces its namespaceSelector leaves out (<c>kubernetes.io/metadata.name NotIn [...]</c>).</summary>
    public IReadOnlySet<string> ExcludedNamespaces { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>failurePolicy: Ignore</c> (true): a call that fails leaves the pod as it was; Fail refuses the write.</summary>
    public bool FailOpen { get; init; } = true;
}
