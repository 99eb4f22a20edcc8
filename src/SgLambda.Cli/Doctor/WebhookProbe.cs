using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Cli.Doctor;

/// <summary>
/// POSTs an empty JSON body to the webhook's origin, without the secret path, as a stranger would: SgLambda's
/// webhook must answer 401 or 403. The status (or the transport error) is all that is kept.
/// </summary>
internal sealed class WebhookProbe(HttpMessageHandler? handler = null)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<WebhookProbeResult> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = Timeout;
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(url, content, cancellationToken);
            return new WebhookProbeResult(url.ToString(), (int)response.StatusCode, null);
        }
        catch (HttpRequestException e)
        {
            return new WebhookProbeResult(url.ToString(), null, e.InnerException?.Message ?? e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookProbeResult(url.ToString(), null, $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
