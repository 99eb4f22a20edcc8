using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A mutating admission webhook for pods (admission.k8s.io/v1), which the emulator calls on each pod CREATE
/// (POST) and UPDATE (PUT), as the API server calls the webhooks a MutatingWebhookConfiguration names.
/// </summary>
/// <param name="Name">The webhook's name, as errors quote it (<c>pods.sglambda.io</c>).</param>
/// <param name="Review">Sends an <c>AdmissionReview</c> with its <c>request</c> and returns the review the webhook answered.</param>
/// <param name="SkippedNamespaces">Namespaces whose pods are never sent (the configuration's namespaceSelector).</param>
/// <param name="FailOpen">failurePolicy Ignore: a webhook that fails or cannot be reached admits the pod unchanged.</param>
public sealed record PodMutatingWebhook(
    string Name,
    Func<JsonObject, CancellationToken, Task<JsonObject>> Review,
    IReadOnlySet<string> SkippedNamespaces,
    bool FailOpen);
