using System.CommandLine;
using k8s;
using k8s.Exceptions;
using SgLambda.Aws;
using SgLambda.Core.Configuration;
using SgLambda.Core.Input;
using SgLambda.Core.Ports;
using SgLambda.Core.Sync;
using SgLambda.Functions.Offline;
using SgLambda.Kubernetes;

namespace SgLambda.Cli;

/// <summary>
/// The options <c>replay</c> and <c>reconcile</c> share: where AWS is (live, or a snapshot folder), where the
/// cluster is (live through a kubeconfig, or a snapshot file), and what to print. Each side is chosen on
/// its own, so a live account can be planned against a cluster snapshot and the other way round.
/// </summary>
internal sealed class SyncOptions
{
    public readonly Option<string?> AwsSnapshot = new("--aws-snapshot")
    {
        Description = "Offline AWS state: a folder with the files render takes (sgs.json, enis.json, config.json, vpcs.json, pls.json, nodes.json, sgrs.json). Without it, AWS is read live (default credential chain)",
        HelpName = "DIR",
    };

    public readonly Option<string?> Region = new("--region")
    {
        Description = "AWS region for live reads (default: AWS_REGION, AWS_DEFAULT_REGION, then the config's region). Endpoints follow AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL_RDS and AWS_ENDPOINT_URL when set",
    };

    public readonly Option<string?> ClusterSnapshot = new("--cluster-snapshot")
    {
        Description = "Offline cluster state: a kubectl List (JSON or YAML) of the Calico objects the cluster holds; without --dry-run the result is written back to it. Without it, the cluster of --kubeconfig is used",
        HelpName = "FILE",
    };

    public readonly Option<string?> Kubeconfig = new("--kubeconfig")
    {
        Description = "kubeconfig for the live cluster (default: KUBECONFIG, then ~/.kube/config)",
        HelpName = "FILE",
    };

    public readonly Option<string?> Context = new("--context")
    {
        Description = "kubeconfig context (default: the current context)",
    };

    public readonly Option<string?> Config = new("--config")
    {
        Description = "SgLambda configuration (default: config.json in the --aws-snapshot folder; required when AWS is live)",
        HelpName = "config.json",
    };

    public readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Print the plan; change nothing",
    };

    public readonly Option<string> Output = new("--output", "-o")
    {
        Description = "Print the plan as text, or as JSON {event, affected, reason, apply, delete, trustAttachments, warnings, skipped}",
        DefaultValueFactory = _ => ReportPrinter.Text,
    };

    public void AddTo(Command command)
    {
        Output.AcceptOnlyFromAmong(ReportPrinter.Text, ReportPrinter.Json);
        foreach (var option in new Option[] { AwsSnapshot, Region, ClusterSnapshot, Kubeconfig, Context, Config, DryRun, Output })
            command.Add(option);
    }

    /// <summary>Opens both sides; throws <see cref="InputException"/> naming a bad file or a missing option.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="decorateStore">Wraps the cluster store (e.g. to show progress); null keeps it as is.</param>
    public SyncTarget Open(ParseResult parseResult, Func<ICalicoStore, ICalicoStore>? decorateStore = null)
    {
        var config = ReadConfig(parseResult, out var snapshot);
        IAwsInventory inventory;
        IKubernetesNodes? nodes = null;
        IAwsSecurityGroupWriter? writer = null;
        if (snapshot is not null)
        {
            var offline = new SnapshotInventory(snapshot, config);
            inventory = offline;
            nodes = offline;
        }
        else
        {
            var region = parseResult.GetValue(Region) ?? Environment.GetEnvironmentVariable("AWS_REGION")
                ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? config.Region
                ?? throw new InputException("--region", null, null, "no AWS region: pass --region, set AWS_REGION or put region in the config");
            // The AWS SDKs' standard endpoint variables (for VPC endpoints, proxies and emulators).
            var options = AwsClientOptions.FromEnvironment(region);
            var ec2 = AwsClients.CreateEc2Client(options);
            var rds = AwsClients.CreateRdsClient(options);
            inventory = new Ec2Inventory(ec2, rds, config);
            writer = new AwsSecurityGroupWriter(ec2, rds);
        }

        var clusterPath = parseResult.GetValue(ClusterSnapshot);
        ICalicoStore store;
        InMemoryCalicoStore? offlineCluster = null;
        IKubernetesNetworkPolicies networkPolicies;
        IReadOnlyList<Core.NetworkPolicies.KubernetesNetworkPolicy> offlineNetworkPolicies = [];
        if (clusterPath is not null)
        {
            var clusterFile = InputFileReader.Read(clusterPath);
            offlineCluster = new InMemoryCalicoStore(ClusterSnapshotParser.Parse(clusterFile));
            store = offlineCluster;
            // NetworkPolicies in the snapshot get their companions from reconcile; they are never changed.
            offlineNetworkPolicies = ClusterSnapshotParser.ParseNetworkPolicies(clusterFile);
            networkPolicies = new InMemoryNetworkPolicies(offlineNetworkPolicies);
            nodes ??= new NoNodes();
        }
        else
        {
            var kubernetes = LiveCluster(parseResult);
            store = new KubernetesCalicoStore(kubernetes, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup });
            networkPolicies = new KubernetesNetworkPolicyReader(kubernetes);
            // A live cluster knows its Nodes better than a snapshot folder's nodes.json.
            nodes = new KubernetesNodeReader(kubernetes);
        }
        if (decorateStore is not null) store = decorateStore(store);
        return new SyncTarget(new SyncEngine(inventory, nodes, store, config, new SyncEngineOptions
        {
            Companions = CompanionPolicies.Enabled(networkPolicies),
            // Trust SGs are attached only when both sides are live: an offline side's plan is not the account's.
            TrustSecurityGroups = writer is not null && offlineCluster is null ? TrustSecurityGroupWrites.Write(writer) : TrustSecurityGroupWrites.ReadOnly,
        }), config, snapshot is null, offlineCluster, clusterPath, this)
        {
            OfflineNetworkPolicies = offlineNetworkPolicies,
        };
    }

    internal SgLambdaConfig ReadConfig(ParseResult parseResult, out Core.Aws.AwsSnapshot? snapshot)
    {
        var directory = parseResult.GetValue(AwsSnapshot);
        var configPath = parseResult.GetValue(Config);
        if (directory is not null)
        {
            var input = AwsSnapshotFolder.Read(directory, configPath);
            snapshot = input.Snapshot;
            return input.Config;
        }
        snapshot = null;
        if (configPath is null) throw new InputException("--config", null, null, "required when AWS is read live (no --aws-snapshot)");
        return InputParser.ParseConfig(InputFileReader.Read(configPath));
    }

    internal IKubernetes LiveCluster(ParseResult parseResult)
    {
        var path = parseResult.GetValue(Kubeconfig)
            ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0)
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path)) throw new InputException(path, null, null, "no such kubeconfig (pass --kubeconfig, or --cluster-snapshot to plan offline)");
        try
        {
            return KubernetesClients.FromKubeconfig(path, parseResult.GetValue(Context));
        }
        catch (KubeConfigException e)
        {
            throw new InputException(path, null, null, "unusable kubeconfig: " + e.Message);
        }
    }

    /// <summary>A cluster snapshot with AWS live has no Node list: instances carrying the enforced SG still count as nodes.</summary>
    private sealed class NoNodes : IKubernetesNodes
    {
        public Task<IReadOnlyList<Core.Aws.KubernetesNode>> ListNodesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Core.Aws.KubernetesNode>>([]);
    }
}
