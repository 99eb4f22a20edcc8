namespace SgLambda.Diagnostics.Doctor;

/// <summary>A MutatingWebhookConfiguration (admissionregistration.k8s.io/v1), reduced to what doctor checks.</summary>
public sealed record WebhookConfiguration(string Name, IReadOnlyList<AdmissionWebhook> Webhooks)
{
    /// <summary>The name infra/cluster/webhook.yaml gives SgLambda's configuration.</summary>
    public const string SgLambdaName = "sglambda-pod-security-groups";
}
