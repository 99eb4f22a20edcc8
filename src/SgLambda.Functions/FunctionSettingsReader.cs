using System.Text.RegularExpressions;
using SgLambda.Core.Configuration;

namespace SgLambda.Functions;

/// <summary>
/// Reads and validates <see cref="FunctionSettings"/> from environment variables at cold start, so a bad
/// deployment fails once with a message naming the variable, not later on every event.
/// </summary>
public static partial class FunctionSettingsReader
{
    public static FunctionSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        string Required(string name, string what) => Get(name) ?? throw new ConfigurationException(name, $"required: {what}");

        var vpcId = Required(EnvironmentVariables.VpcId, "the cluster's VPC id (vpc-...)");
        Check(EnvironmentVariables.VpcId, vpcId, VpcIdPattern(), "a VPC id (vpc- and hex digits)");
        var clusterName = Required(EnvironmentVariables.ClusterName, "the cluster's name");

        Uri? endpoint = null;
        if (Get(EnvironmentVariables.ClusterEndpoint) is { } endpointText
            && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("https" or "http")))
            throw new ConfigurationException(EnvironmentVariables.ClusterEndpoint, $"expected an https:// URL, got '{endpointText}'");
        var ca = Get(EnvironmentVariables.ClusterCertificateAuthority);
        var ssm = Get(EnvironmentVariables.ClusterSsmParameter);
        if (endpoint is null && ssm is null)
            throw new ConfigurationException(EnvironmentVariables.ClusterEndpoint, $"required (or set {EnvironmentVariables.ClusterSsmParameter})");
        if (ca is not null && !IsBase64(ca))
            throw new ConfigurationException(EnvironmentVariables.ClusterCertificateAuthority, "expected the base64 CA bundle (certificateAuthority.data of aws eks describe-cluster)");

        var config = new SgLambdaConfig
        {
            VpcId = vpcId,
            ClusterName = clusterName,
            PodSecurityGroupId = SecurityGroup(Get, EnvironmentVariables.PodSecurityGroupId),
            NodeSecurityGroupIds = [.. (Get(EnvironmentVariables.NodeSecurityGroupIds) ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => { Check(EnvironmentVariables.NodeSecurityGroupIds, id, SecurityGroupPattern(), "comma-separated SG ids (sg-...)"); return id; })],
            ExemptNamespaces = environment(EnvironmentVariables.ExemptNamespaces) is { } exempt
                ? [.. exempt.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(ns => { Check(EnvironmentVariables.ExemptNamespaces, ns, NamespacePattern(), "comma-separated namespace names"); return ns; })]
                : SgLambdaConfig.DefaultExemptNamespaces,
            TrustSecurityGroupId = SecurityGroup(Get, EnvironmentVariables.TrustSecurityGroupId),
            EnforcedSecurityGroupId = SecurityGroup(Get, EnvironmentVariables.EnforcedSecurityGroupId),
            AttachTrustSecurityGroup = Boolean(Get, EnvironmentVariables.AttachTrustSecurityGroup, false),
            TrustDatabaseTag = Get(EnvironmentVariables.TrustDatabaseTag),
            DefaultPodMetadataAccess = Get(EnvironmentVariables.DefaultPodMetadataAccess) switch
            {
                null => MetadataAccess.Denied,
                var v when string.Equals(v, "Denied", StringComparison.OrdinalIgnoreCase) => MetadataAccess.Denied,
                var v when string.Equals(v, "Allowed", StringComparison.OrdinalIgnoreCase) => MetadataAccess.Allowed,
                var v => throw new ConfigurationException(EnvironmentVariables.DefaultPodMetadataAccess, $"expected Allowed or Denied, got '{v}'"),
            },
            EnforceNodes = Boolean(Get, EnvironmentVariables.EnforceNodes, true),
            MemberNodeName = Get(EnvironmentVariables.MemberNodeName) ?? SgLambdaConfig.DefaultMemberNodeName,
            CalicoApiGroup = Get(EnvironmentVariables.CalicoApiGroup) is { } group
                ? CalicoApiGroups.IsKnown(group) ? group : throw new ConfigurationException(EnvironmentVariables.CalicoApiGroup,
                    $"expected {CalicoApiGroups.ProjectCalicoV3} or {CalicoApiGroups.CrdProjectCalicoV1}, got '{group}'")
                : CalicoApiGroups.ProjectCalicoV3,
            AccountId = Get(EnvironmentVariables.AccountId),
            Region = Required(EnvironmentVariables.AwsRegion, "the AWS region (Lambda sets it)"),
        };
        if (config.TrustSecurityGroupId is null && config.AttachTrustSecurityGroup)
            throw new ConfigurationException(EnvironmentVariables.TrustSecurityGroupId, $"required when {EnvironmentVariables.AttachTrustSecurityGroup} is true");

        return new FunctionSettings
        {
            Config = config,
            ClusterName = clusterName,
            ClusterEndpoint = endpoint,
            ClusterCertificateAuthority = ca,
            ClusterSsmParameter = ssm,
            ClusterToken = Get(EnvironmentVariables.ClusterToken),
            Region = config.Region!,
            LogLevel = Get(EnvironmentVariables.LogLevel) is { } level
                ? Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                    : throw new ConfigurationException(EnvironmentVariables.LogLevel, $"expected Debug, Information, Warning or Error, got '{level}'")
                : LogLevel.Information,
        };
    }

    /// <summary>Reads the process environment.</summary>
    public static FunctionSettings FromEnvironment() => Read(Environment.GetEnvironmentVariable);

    private static string? SecurityGroup(Func<string, string?> get, string name)
    {
        var value = get(name);
        if (value is not null) Check(name, value, SecurityGroupPattern(), "an SG id (sg-...)");
        return value;
    }

    private static bool Boolean(Func<string, string?> get, string name, bool defaultValue) => get(name) switch
    {
        null => defaultValue,
        var v when bool.TryParse(v, out var parsed) => parsed,
        var v => throw new ConfigurationException(name, $"expected true or false, got '{v}'"),
    };

    private static void Check(string name, string value, Regex pattern, string expected)
    {
        if (!pattern.IsMatch(value)) throw new ConfigurationException(name, $"expected {expected}, got '{value}'");
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    [GeneratedRegex("^vpc-[0-9a-f]+$")]
    private static partial Regex VpcIdPattern();

    /// <summary>A Kubernetes namespace name (RFC 1123 label).</summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^sg-[0-9a-f]+$")]
    private static partial Regex SecurityGroupPattern();
}
