namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// What an unauthenticated POST to the webhook's URL got: an HTTP status, or the transport error
/// (no answer, TLS failure, timeout).
/// </summary>
public sealed record WebhookProbeResult(string Url, int? StatusCode, string? Error);
