using SgLambda.Core.Configuration;

namespace SgLambda.Functions;

/// <summary>Everything a function needs to know at cold start, read from <see cref="EnvironmentVariables"/>.</summary>
public sealed record FunctionSettings
{
    public required SgLambdaConfig Config { get; init; }
    public required string ClusterName { get; init; }
    public Uri? ClusterEndpoint { get; init; }
    public string? ClusterCertificateAuthority { get; init; }
    public string? ClusterSsmParameter { get; init; }
    /// <summary>A static bearer token; null: EKS tokens from the function's own credentials.</summary>
    public string? ClusterToken { get; init; }
    public required string Region { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
