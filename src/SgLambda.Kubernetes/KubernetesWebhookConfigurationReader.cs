using System.Net;
using k8s;
using k8s.Models;
using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Kubernetes;

/// <summary>Reads a MutatingWebhookConfiguration (admissionregistration.k8s.io/v1) for <c>sglambda doctor</c>.</summary>
public sealed class KubernetesWebhookConfigurationReader
{
    private readonly IKubernetes _client;
    private readonly KubernetesRetry _retry;

    public KubernetesWebhookConfigurationReader(IKubernetes client, KubernetesRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _retry = retry ?? new KubernetesRetry(RetryPolicy.Default);
    }

    /// <summary>The configuration, or null when the cluster has none of that name.</summary>
    public async Task<WebhookConfiguration?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var found = await _retry.RunAsync($"get mutatingwebhookconfiguration {name}", async token =>
            {
                using var response = await _client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationWithHttpMessagesAsync(name, cancellationToken: token);
                return response.Body;
            }, retryConflicts: false, cancellationToken);
            return Map(found);
        }
        catch (KubernetesRequestException missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static WebhookConfiguration Map(V1MutatingWebhookConfiguration configuration) =>
        new(configuration.Metadata.Name,
        [
            .. (configuration.Webhooks ?? []).Select(w => new AdmissionWebhook(
                w.Name,
                w.ClientConfig?.Url,
                w.FailurePolicy,
                [
                    .. (w.Rules ?? []).Select(r => new WebhookRule(
                        [.. r.ApiGroups ?? []], [.. r.ApiVersions ?? []], [.. r.Operations ?? []], [.. r.Resources ?? []])),
                ])),
        ]);
}
