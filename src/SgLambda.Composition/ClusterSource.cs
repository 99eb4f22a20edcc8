using k8s;
using SgLambda.Composition.Offline;
using SgLambda.Core.Configuration;
using SgLambda.Kubernetes;

namespace SgLambda.Composition;

/// <summary>
/// Where the cluster is: an API server through the AOT-safe HTTP adapter (the functions), a KubernetesClient
/// client (the CLI's kubeconfig, the sandbox), or a snapshot file standing in for it.
/// </summary>
public abstract record ClusterSource
{
    private ClusterSource()
    {
    }

    /// <summary>The API server at <paramref name="endpoint"/> (CA: base64 PEM, null for the system's roots).</summary>
    public static ClusterSource Endpoint(Uri endpoint, string? certificateAuthority, ITokenSource tokens) =>
        new ApiEndpoint(endpoint ?? throw new ArgumentNullException(nameof(endpoint)), certificateAuthority, tokens ?? throw new ArgumentNullException(nameof(tokens)));

    /// <summary>
    /// The live cluster of a kubeconfig: the adapter over HttpClient with the kubeconfig's credentials (as
    /// KubernetesClient reads them), and KubernetesClient itself for what the CLI reads beyond the adapter (pods,
    /// namespaces).
    /// </summary>
    public static ClusterSource Kubeconfig(KubernetesClientConfiguration configuration) =>
        new KubeconfigCluster(configuration ?? throw new ArgumentNullException(nameof(configuration)));

    /// <summary>A snapshot file: plans are applied to it (see <see cref="ClusterSnapshotFile"/>).</summary>
    public static ClusterSource Snapshot(ClusterSnapshotFile file) => new SnapshotFile(file ?? throw new ArgumentNullException(nameof(file)));

    /// <summary>True for a cluster's API server.</summary>
    public abstract bool IsLive { get; }

    // Each source builds its own adapters: the AOT function never constructs the kubeconfig source, so never builds a KubernetesClient client.
    internal abstract ClusterSide Open(SgLambdaConfig config, Action<string>? log);

    private sealed record ApiEndpoint(Uri Url, string? CertificateAuthority, ITokenSource Tokens) : ClusterSource
    {
        public override bool IsLive => true;

        internal override ClusterSide Open(SgLambdaConfig config, Action<string>? log) =>
            LiveCluster.Open(new KubernetesHttpApi(Url, CertificateAuthority, Tokens), config, log);
    }

    private sealed record KubeconfigCluster(KubernetesClientConfiguration Configuration) : ClusterSource
    {
        public override bool IsLive => true;

        internal override ClusterSide Open(SgLambdaConfig config, Action<string>? log) =>
            LiveCluster.Open(KubeconfigConnection.Open(Configuration), config, log) with { Client = new k8s.Kubernetes(Configuration) };
    }

    private sealed record SnapshotFile(ClusterSnapshotFile File) : ClusterSource
    {
        public override bool IsLive => false;

        // NetworkPolicies in the snapshot get their companions from reconcile; they are never changed.
        internal override ClusterSide Open(SgLambdaConfig config, Action<string>? log) => new()
        {
            Store = File,
            NetworkPolicies = File.NetworkPolicies,
            Snapshot = File,
        };
    }
}
