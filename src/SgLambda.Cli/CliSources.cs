using k8s;
using k8s.Exceptions;
using SgLambda.Aws;
using SgLambda.Composition;
using SgLambda.Composition.Offline;
using SgLambda.Core.Configuration;
using SgLambda.Core.Input;

namespace SgLambda.Cli;

/// <summary>
/// The one place the CLI turns its options into <see cref="CompositionRoot"/> sources: AWS live or a snapshot
/// folder (--aws-snapshot, --config, --region), the cluster live through a kubeconfig or a snapshot file
/// (--cluster-snapshot, --kubeconfig, --context). Bad input throws <see cref="InputException"/> before any network call.
/// </summary>
internal static class CliSources
{
    /// <summary>The configuration and AWS: the snapshot folder's (its config.json unless <paramref name="configPath"/>), else live.</summary>
    public static (SgLambdaConfig Config, AwsSource Aws) Aws(string? snapshotFolder, string? configPath, string? region)
    {
        if (snapshotFolder is not null)
        {
            var input = AwsSnapshotFolder.Read(snapshotFolder, configPath);
            return (input.Config, AwsSource.Snapshot(input.Snapshot));
        }
        if (configPath is null) throw new InputException("--config", null, null, "required when AWS is read live (no --aws-snapshot)");
        var config = InputParser.ParseConfig(InputFileReader.Read(configPath));
        // The AWS SDKs' standard endpoint variables (for VPC endpoints, proxies and emulators).
        return (config, AwsSource.Live(AwsClientOptions.FromEnvironment(Region(region, config))));
    }

    /// <summary>The region for live reads: --region, AWS_REGION, AWS_DEFAULT_REGION, then the config's.</summary>
    public static string Region(string? option, SgLambdaConfig config) =>
        option ?? Environment.GetEnvironmentVariable("AWS_REGION")
        ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? config.Region
        ?? throw new InputException("--region", null, null, "no AWS region: pass --region, set AWS_REGION or put region in the config");

    /// <summary>
    /// The cluster: the snapshot file (written back only when the caller saves it, after the whole plan), else the
    /// live cluster of the kubeconfig; <paramref name="offlineHint"/> ends the error for a missing kubeconfig.
    /// </summary>
    public static ClusterSource Cluster(string? snapshotPath, string? kubeconfig, string? context, string offlineHint) =>
        snapshotPath is not null
            ? ClusterSource.Snapshot(ClusterSnapshotFile.Parse(InputFileReader.Read(snapshotPath), saveEachWrite: false))
            : ClusterSource.Kubeconfig(Kubeconfig(kubeconfig, context, offlineHint));

    /// <summary>The kubeconfig's cluster, user and context (default: KUBECONFIG, then ~/.kube/config).</summary>
    public static KubernetesClientConfiguration Kubeconfig(string? kubeconfig, string? context, string offlineHint)
    {
        var path = kubeconfig
            ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0)
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path)) throw new InputException(path, null, null, $"no such kubeconfig (pass --kubeconfig, or {offlineHint})");
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);
        }
        catch (KubeConfigException e)
        {
            throw new InputException(path, null, null, "unusable kubeconfig: " + e.Message);
        }
    }
}
