namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// SgLambda's MutatingWebhookConfiguration (<c>infra/cluster/webhook.yaml</c>) exists, sends pod CREATE and UPDATE to the webhook
/// (UPDATE is what <c>kubectl annotate</c> sends), and calls it over https.
/// </summary>
public static class WebhookConfigurationCheck
{
    public const string Title = "The admission webhook is configured (pods CREATE and UPDATE, https)";
    private const string ApplyFix = "envsubst '${WEBHOOK_URL} ${WEBHOOK_SECRET}' < infra/cluster/webhook.yaml | kubectl apply -f - (WEBHOOK_URL: the stack's AdmissionWebhookUrl output)";

    public static CheckResult Run(DoctorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var observed = context.Input.Webhook;
        if (observed.SkippedBecause is { } reason) return CheckResult.Skip(CheckIds.WebhookConfigured, Title, reason);
        var subject = $"MutatingWebhookConfiguration/{WebhookConfiguration.SgLambdaName}";
        if (observed.Value is not { } configuration)
        {
            return CheckResult.Of(CheckIds.WebhookConfigured, Title,
            [
                new DoctorFinding(CheckIds.WebhookConfigured, FindingIds.WebhookMissing, DoctorSeverity.Error, subject,
                    $"no MutatingWebhookConfiguration named {WebhookConfiguration.SgLambdaName}",
                    "nothing writes the sg.aws.tigera.io/* labels: annotated pods are in no security group, and their SG rules never apply", ApplyFix),
            ]);
        }

        var findings = new List<DoctorFinding>();
        var forPods = configuration.Webhooks.Where(CoversPodCreateAndUpdate).ToList();
        if (forPods.Count == 0)
        {
            findings.Add(new DoctorFinding(CheckIds.WebhookConfigured, FindingIds.WebhookRules, DoctorSeverity.Error, subject,
                "no webhook of the configuration receives pod CREATE and UPDATE (apiGroups \"\", apiVersions v1, resources pods)",
                "pods created or annotated later keep labels that do not match their annotation", ApplyFix));
        }
        foreach (var webhook in configuration.Webhooks.Where(w => !IsHttps(w.Url)))
        {
            findings.Add(new DoctorFinding(CheckIds.WebhookConfigured, FindingIds.WebhookUrl, DoctorSeverity.Error, $"{subject} {webhook.Name}",
                webhook.Url is null
                    ? $"webhook {webhook.Name} calls an in-cluster service, not SgLambda's function URL"
                    : $"webhook {webhook.Name} calls {Redact(webhook.Url)}, which is not an https URL",
                "the API server must reach the AdmissionWebhook function's URL over TLS, or pods are not admitted", ApplyFix));
        }
        return CheckResult.Of(CheckIds.WebhookConfigured, Title, findings);
    }

    /// <summary>
    /// Where to probe: the origin of the first https webhook for pods, without the path (the path is the
    /// secret; the probe must be a stranger).
    /// </summary>
    public static Uri? ProbeUrl(WebhookConfiguration? configuration)
    {
        var url = configuration?.Webhooks.Where(CoversPodCreateAndUpdate).Select(w => w.Url).FirstOrDefault(IsHttps);
        return url is null ? null : new Uri(new Uri(url).GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>The URL without its path: the path of SgLambda's webhook URL is its secret.</summary>
    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1
            ? uri.GetLeftPart(UriPartial.Authority) + "/***"
            : url;
    }

    private static bool IsHttps(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal);

    private static bool CoversPodCreateAndUpdate(AdmissionWebhook webhook) =>
        webhook.Rules.Any(rule =>
            (rule.ApiGroups.Contains("") || rule.ApiGroups.Contains("*"))
            && (rule.ApiVersions.Contains("v1") || rule.ApiVersions.Contains("*"))
            && (rule.Resources.Contains("pods") || rule.Resources.Contains("*") || rule.Resources.Contains("*/*"))
            && (rule.Operations.Contains("*") || (rule.Operations.Contains("CREATE") && rule.Operations.Contains("UPDATE"))));
}
