namespace SgLambda.Diagnostics.Doctor;

/// <summary>One webhook of a MutatingWebhookConfiguration (the parts doctor checks).</summary>
/// <param name="Name">The webhook's name.</param>
/// <param name="Url"><c>clientConfig.url</c>; null when the webhook calls an in-cluster service instead.</param>
/// <param name="FailurePolicy"><c>Fail</c> or <c>Ignore</c>.</param>
/// <param name="Rules">Which operations on which resources it receives.</param>
public sealed record AdmissionWebhook(string Name, string? Url, string? FailurePolicy, IReadOnlyList<WebhookRule> Rules);
