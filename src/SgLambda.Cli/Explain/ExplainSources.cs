using k8s;
using SgLambda.Composition;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;

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

    // AWS through the composition root: the snapshot folder, or EC2 and RDS live.
    private async Task<(AwsSnapshot Snapshot, SgLambdaConfig Config)> LoadAwsAsync(CancellationToken cancellationToken)
    {
        var (config, source) = CliSources.Aws(AwsSnapshot, Config, Region);
        using var aws = CompositionRoot.OpenAws(source, config);
        return (await aws.Inventory.ReadAllAsync(cancellationToken), config);
    }

    private async Task<ExplainInputs> LoadLiveClusterAsync(AwsSnapshot snapshot, SgLambdaConfig config, List<string> notes, CancellationToken cancellationToken)
    {
        var cluster = CompositionRoot.OpenCluster(ClusterSource.Kubeconfig(CliSources.Kubeconfig(Kubeconfig, Context, "--cluster-snapshot and --pods to explain offline")), config);
        using var kubernetes = cluster.Client!;
        var objects = new List<CalicoObject>();
        foreach (var kind in CalicoKind.All) objects.AddRange(await cluster.Store.ListAsync(kind, LabelQuery.Everything, cancellationToken));

        // Kubernetes NetworkPolicies count as the Calico policy Calico makes of them.
        foreach (var policy in await cluster.NetworkPolicies.ListNetworkPoliciesAsync(cancellationToken))
            objects.Add(KubernetesNetworkPolicyConverter.Convert(policy, config.CalicoApiGroup, notes));

        var pods = await ClusterPods.ListAsync(kubernetes, cancellationToken);

        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken);
        var namespaceLabels = namespaces.Items.ToDictionary(
            ns => ns.Metadata.Name,
            ns => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(ns.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        var nodes = await cluster.Nodes!.ListNodesAsync(cancellationToken);
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
}
