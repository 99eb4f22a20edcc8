using System.Security.Cryptography;
using System.Text;

namespace SgLambda.Functions.Webhook;

/// <summary>
/// The secret the webhook configuration's URL carries as its path (<c>https://&lt;id&gt;.lambda-url.&lt;region&gt;.on.aws/&lt;secret&gt;</c>):
/// the API server cannot send custom headers, and Kubernetes forbids query strings and user info in a webhook URL.
/// Only its SHA-256 is kept; a candidate is hashed and compared in constant time, so neither its content nor
/// its length shows in the time a comparison takes.
/// </summary>
public sealed class WebhookSecret
{
    /// <summary>At least 32 characters (e.g. <c>openssl rand -hex 32</c> gives 64).</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _hash;

    private WebhookSecret(byte[] hash) => _hash = hash;

    /// <summary>
    /// Validates the secret read from <paramref name="variable"/> (or the parameter it names): at least
    /// <see cref="MinimumLength"/> characters, only URL-unreserved ones (letters, digits, <c>-</c>, <c>_</c>,
    /// <c>.</c>, <c>~</c>) so the URL path carries it unchanged. A bad one throws <see cref="ConfigurationException"/>.
    /// </summary>
    /// <param name="variable">The environment variable the secret came through, for the message.</param>
    /// <param name="value">The secret.</param>
    /// <param name="source">Where the value came from when not the variable itself (<c>parameter /sglambda/webhook</c>).</param>
    public static WebhookSecret FromValue(string variable, string? value, string? source = null)
    {
        var prefix = source is null ? "" : source + ": ";
        var secret = value?.Trim() ?? "";
        if (secret.Length < MinimumLength)
        {
            throw new ConfigurationException(variable,
                $"{prefix}the webhook secret must be at least {MinimumLength} characters, got {secret.Length} (make one with: openssl rand -hex 32)");
        }
        if (!secret.All(IsUnreserved))
        {
            throw new ConfigurationException(variable,
                $"{prefix}the webhook secret travels as the URL path: use only letters, digits, '-', '_', '.' and '~' (make one with: openssl rand -hex 32)");
        }
        return new WebhookSecret(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>True when <paramref name="candidate"/> is the secret; constant time over fixed-length hashes.</summary>
    public bool Matches(string? candidate)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(candidate ?? ""));
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
}
