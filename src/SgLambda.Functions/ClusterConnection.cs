using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Functions;

/// <summary>
/// Where the cluster's API server is, which CA signs its certificate (base64 PEM, as EKS gives it; null: the
/// system's roots) and, for clusters that are not EKS, a bearer token (null: an EKS token from the role).
/// </summary>
public sealed record ClusterConnection(Uri Endpoint, string? CertificateAuthority, string? Token = null)
{
    /// <summary>
    /// Reads the SSM parameter's value, <c>{"endpoint": "https://...", "certificateAuthority": "...", "token": "..."}</c>
    /// (token optional); a bad value throws <see cref="ConfigurationException"/> naming
    /// <see cref="EnvironmentVariables.ClusterSsmParameter"/>.
    /// </summary>
    public static ClusterConnection FromParameterValue(string parameterName, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ConfigurationException Bad(string problem) =>
            new(EnvironmentVariables.ClusterSsmParameter, $"parameter {parameterName}: {problem}");
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(value);
        }
        catch (JsonException e)
        {
            throw Bad("expected JSON {\"endpoint\": \"https://...\", \"certificateAuthority\": \"...\"}: " + e.Message);
        }
        string? Text(string name) => json is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        var endpointText = Text("endpoint") ?? throw Bad("no \"endpoint\"");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
            throw Bad($"\"endpoint\" is not an https:// URL: '{endpointText}'");
        return new ClusterConnection(endpoint, Text("certificateAuthority"), Text("token"));
    }
}
