namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// The webhook answers, and turns strangers away: an unauthenticated POST (no secret in the path) must get
/// 401 or 403. Anything else means the API server's calls fail too, or anyone may call the webhook.
/// </summary>
public static class WebhookReachabilityCheck
{
    public const string Title = "The admission webhook is up and rejects strangers";
    private const string Fix = "check the AdmissionWebhook function (its AdmissionWebhookUrl output) and its logs: aws lambda get-function-url-config --function-name <the stack's AdmissionWebhook function>";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observed = context.Input.WebhookProbe;
        if (observed.SkippedBecause is { } reason) return CheckResult.Skip(CheckIds.WebhookReachable, Title, reason);
        var probe = observed.Value!;
        var finding = probe switch
        {
            { StatusCode: 401 or 403 } => null,
            { StatusCode: null } => new DoctorFinding(CheckIds.WebhookReachable, FindingIds.WebhookUnreachable, DoctorSeverity.Error, probe.Url,
                $"the webhook at {probe.Url} does not answer: {probe.Error}",
                "with failurePolicy Fail the API server admits no pod in the covered namespaces while the webhook is down", Fix),
            { StatusCode: >= 200 and < 300 } => new DoctorFinding(CheckIds.WebhookReachable, FindingIds.WebhookOpen, DoctorSeverity.Error, probe.Url,
                $"the webhook at {probe.Url} accepted a POST without the secret (HTTP {probe.StatusCode})",
                "anyone on the internet may call it; it must answer 401 or 403 to callers without the secret path", Fix),
            _ => new DoctorFinding(CheckIds.WebhookReachable, FindingIds.WebhookFailing, DoctorSeverity.Error, probe.Url,
                $"the webhook at {probe.Url} answered HTTP {probe.StatusCode} to an unauthenticated POST, not 401 or 403",
                "it is up but failing (or is not SgLambda's webhook), so the API server's calls likely fail too", Fix),
        };
        return CheckResult.Of(CheckIds.WebhookReachable, Title, finding is null ? [] : [finding]);
    }
}
