namespace SgLambda.Functions.Webhook;

/// <summary>
/// The webhook's secret at cold start: from the SSM SecureString parameter <see cref="EnvironmentVariables.WebhookSecretSsmParameter"/>
/// names (production), or <see cref="EnvironmentVariables.WebhookSecret"/> itself (tests, offline). Exactly one must be set.
/// </summary>
public static class WebhookSecretReader
{
    /// <param name="environment">The environment variables.</param>
    /// <param name="region">The region of the SSM parameter.</param>
    /// <param name="readParameter">Reads a parameter by name, decrypted (<see cref="SsmParameterReader"/> unless a test gives one).</param>
    public static WebhookSecret Read(Func<string, string?> environment, string region, Func<string, string>? readParameter = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var parameter = Get(EnvironmentVariables.WebhookSecretSsmParameter);
        var direct = Get(EnvironmentVariables.WebhookSecret);
        if (parameter is not null && direct is not null)
        {
            throw new ConfigurationException(EnvironmentVariables.WebhookSecret,
                $"set either it or {EnvironmentVariables.WebhookSecretSsmParameter}, not both");
        }
        if (direct is not null) return WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, direct);
        if (parameter is null)
        {
            throw new ConfigurationException(EnvironmentVariables.WebhookSecretSsmParameter,
                $"required by the admission webhook: the name of the SSM SecureString parameter holding its secret (or set {EnvironmentVariables.WebhookSecret})");
        }
        var read = readParameter ?? (name => SsmParameterReader.Read(name, EnvironmentVariables.WebhookSecretSsmParameter, region, environment));
        return WebhookSecret.FromValue(EnvironmentVariables.WebhookSecretSsmParameter, read(parameter), $"parameter {parameter}");
    }
}
