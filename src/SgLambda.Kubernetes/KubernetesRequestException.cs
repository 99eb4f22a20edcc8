using System.Net;
using System.Text;

namespace SgLambda.Kubernetes;

/// <summary>
/// A Kubernetes API request that failed for good (not retried, or retries exhausted), with what the API
/// server's <c>Status</c> said: code, reason, message and the fields it blames.
/// </summary>
public sealed class KubernetesRequestException : Exception
{
    public KubernetesRequestException()
    {
    }

    public KubernetesRequestException(string message)
        : base(message)
    {
    }

    public KubernetesRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubernetesRequestException(
        string operation, HttpStatusCode? statusCode, string? reason, string? statusMessage, IReadOnlyList<KubernetesStatusCause> causes, Exception? innerException)
        : base(Describe(operation, statusCode, reason, statusMessage, causes), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Reason = reason;
        StatusMessage = statusMessage;
        Causes = causes;
    }

    /// <summary>What was attempted, e.g. <c>apply GlobalNetworkPolicy sg-local.sg-1</c>.</summary>
    public string Operation { get; } = "";

    /// <summary>The HTTP status of the last attempt; null when no response came (timeouts, connection errors).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Status reason (<c>Invalid</c>, <c>Conflict</c>, ...), when the server gave one.</summary>
    public string? Reason { get; }

    /// <summary>The Status message.</summary>
    public string? StatusMessage { get; }

    /// <summary>The Status causes: for a 422, one per invalid field.</summary>
    public IReadOnlyList<KubernetesStatusCause> Causes { get; } = [];

    private static string Describe(
        string operation, HttpStatusCode? statusCode, string? reason, string? statusMessage, IReadOnlyList<KubernetesStatusCause> causes)
    {
        var text = new StringBuilder(operation).Append(" failed");
        if (statusCode is { } code) text.Append(" with ").Append((int)code).Append(' ').Append(reason ?? code.ToString());
        if (!string.IsNullOrEmpty(statusMessage)) text.Append(": ").Append(statusMessage);
        foreach (var cause in causes.Where(cause => !string.IsNullOrEmpty(cause.Field)))
            text.Append("\n  field ").Append(cause.Field).Append(": ").Append(cause.Message);
        return text.ToString();
    }
}
