using k8s;
using k8s.Exceptions;
using SgLambda.Aws;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Functions.Offline;
using SgLambda.Kubernetes;

namespace SgLambda.Cli.Explain;

/// <summary>
/// Loads what <c>explain</c> reads. AWS: a snapshot folder (as replay and reconcile take it) or live EC2/RDS.
/// The cluster: snapshot files (Calico objects and NetworkPolicies; pods from <c>kubectl get pods -A -o json</c>)
/// when any is given, else the live cluster of the kubeconfig (every Calico object, pods, namespaces, nodes).
/// </summary>
internal sealed record ExplainSources(
    string? AwsSnapshot,
    string? Config,
    string? Region,
    IReadOnlyList<string> ClusterSnapshots,
    string? Pods,
    string? Kubeconfig,
    string? Context)
{

    /// <exception cref="InputException">A file is missing or malformed, or an option is missing.</exception>
    public async Task<ExplainInputs> LoadAsync(CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var (snapshot, config) = await LoadAwsAsync(cancellationToken);
        if (ClusterSnapshots.Count > 0 || Pods is not null)
        {
            var objects = new List<CalicoObject>();
            foreach (var path in ClusterSnapshots)
            {
                var file = InputFileReader.Read(path);
                objects.AddRange(ClusterSnapshotParser.Parse(file));
                // Kubernetes NetworkPolicies count as the Calico policy Calico makes of them.
                objects.AddRange(ClusterSnapshotParser.ParseNetworkPolicies(file).Select(p => KubernetesNetworkPolicyConverter.Convert(p, config.CalicoApiGroup, notes)));
            }
            if (ClusterSnapshots.Count == 0) notes.Add("no --cluster-snapshot: no Calico policy was evaluated");
            var pods = Pods is null ? [] : PodListParser.Parse(InputFileReader.Read(Pods));
            if (Pods is null) notes.Add("no --pods: pods are unknown (only ENIs, instances, nodes and addresses resolve)");
            return new ExplainInputs { Aws = snapshot, Config = config, Cluster = objects, Pods = pods, Notes = notes };
        }
        return await LoadLiveClusterAsync(snapshot, config, notes, cancellationToken);
    }

    private async Task<(AwsSnapshot Snapshot, SgLambdaConfig Config)> LoadAwsAsync(CancellationToken cancellationToken)
    {
        if (AwsSnapshot is not null)
        {
            var input = AwsSnapshotFolder.Read(AwsSnapshot, Config);
            return (input.Snapshot, input.Config);
        }
        if (Config is null) throw new InputException("--config", null, null, "required when AWS is read live (no --aws-snapshot)");
        var config = InputParser.ParseConfig(InputFileReader.Read(Config));
        var region = Region ?? Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? config.Region
            ?? throw new InputException("--region", null, null, "no AWS region: pass --region, set AWS_REGION or put region in the config");
        var options = AwsClientOptions.FromEnvironment(region);
        using var ec2 = AwsClients.CreateEc2Client(options);
        var rds = AwsClients.CreateRdsClient(options);
        var snapshot = await new Ec2Inventory(ec2, rds, config).ReadAllAsync(cancellationToken);
        return (snapshot, config);
    }

    private async Task<ExplainInputs> LoadLiveClusterAsync(AwsSnapshot snapshot, SgLambdaConfig config, List<string> notes, CancellationToken cancellationToken)
    {
        using var kubernetes = LiveCluster(KubernetesClients.FromKubeconfig);
        using var api = LiveCluster(KubeconfigConnection.Open);
        var store = new KubernetesCalicoStore(api, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup });
        var objects = new List<CalicoObject>();
        foreach (var kind in CalicoKind.All) objects.AddRange(await store.ListAsync(kind, LabelQuery.Everything, cancellationToken));

        // Kubernetes NetworkPolicies count as the Calico policy Calico makes of them.
        foreach (var policy in await new KubernetesNetworkPolicyReader(api).ListNetworkPoliciesAsync(cancellationToken))
            objects.Add(KubernetesNetworkPolicyConverter.Convert(policy, config.CalicoApiGroup, notes));

        var podList = await kubernetes.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken);
        var pods = podList.Items.Select(pod => new ClusterPod(
            pod.Metadata.NamespaceProperty ?? "default",
            pod.Metadata.Name,
            System.Net.IPAddress.TryParse(pod.Status?.PodIP, out var ip) ? ip : null,
            pod.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal),
            pod.Spec?.NodeName,
            pod.Spec?.HostNetwork == true)).ToList();

        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken);
        var namespaceLabels = namespaces.Items.ToDictionary(
            ns => ns.Metadata.Name,
            ns => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(ns.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var nodes = await new KubernetesNodeReader(api).ListNodesAsync(cancellationToken);
        // The live Node list is the truth for which instances are nodes.
        var live = snapshot with { Nodes = nodes };
        return new ExplainInputs
        {
            Aws = live,
            Config = config,
            Cluster = objects,
            Pods = pods,
            NodeNames = nodes.Select(n => n.Name).ToList(),
            NamespaceLabels = namespaceLabels,
            Notes = notes,
        };
    }

    private T LiveCluster<T>(Func<string, string?, T> open)
    {
        var path = Kubeconfig
            ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0)
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path)) throw new InputException(path, null, null, "no such kubeconfig (pass --kubeconfig, or --cluster-snapshot and --pods to explain offline)");
        try
        {
            return open(path, Context);
        }
        catch (KubeConfigException e)
        {
            throw new InputException(path, null, null, "unusable kubeconfig: " + e.Message);
        }
    }
}
