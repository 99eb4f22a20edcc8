using System.Text;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.Runtime;
using k8s;
using SgLambda.Aws;
using SgLambda.Aws.Rds;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Explain;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Sync;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Emulators.Kubernetes.Calico;
using SgLambda.Functions;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Kubernetes;

namespace SgLambda.Cli.Demo;

/// <summary>
/// The demo's world, all in-process: the EC2 emulator (the account, with the cluster's VPC, node and SgLambda's
/// internal SGs already there), the Kubernetes API emulator (Calico's CRDs installed, one Node), the real
/// AWSSDK.EC2 and KubernetesClient clients pointed at them, and the change handler and reconciler function
/// classes the Lambda runs (change handler, reconciler, admission webhook), composed over the real adapters.
/// </summary>
internal sealed class DemoWorld : IAsyncDisposable
{
    public const string Namespace = "integration-demo";
    public const string PodName = "pod-tester";
    public const string NodeName = "ip-10-0-1-50.us-west-2.compute.internal";
    private const string Region = "us-west-2";

    private readonly TextWriter _functionLog;
    private readonly IAmazonRDS _rds;
    private readonly string? _temporaryCrds;
    private int _invocations;

    private DemoWorld(Ec2Emulator aws, KubernetesApiEmulator cluster, IAmazonEC2 ec2, IAmazonRDS rds, IKubernetes kubernetes, SgLambdaConfig config,
        ChangeHandler handler, Reconciler reconciler, DemoWebhook webhook, KubernetesCalicoStore store, TextWriter functionLog, string subnetId, string nodeEni, string? temporaryCrds)
    {
        _rds = rds;
        Webhook = webhook;
        Aws = aws;
        Cluster = cluster;
        Ec2 = ec2;
        Kubernetes = kubernetes;
        Config = config;
        Handler = handler;
        Reconciler = reconciler;
        Store = store;
        _functionLog = functionLog;
        SubnetId = subnetId;
        NodeNetworkInterfaceId = nodeEni;
        _temporaryCrds = temporaryCrds;
    }

    public Ec2Emulator Aws { get; }
    public KubernetesApiEmulator Cluster { get; }
    public IAmazonEC2 Ec2 { get; }
    public IKubernetes Kubernetes { get; }
    public SgLambdaConfig Config { get; }
    public ChangeHandler Handler { get; }
    public Reconciler Reconciler { get; }
    /// <summary>The admission webhook function, called through its function URL as the API server calls it.</summary>
    public DemoWebhook Webhook { get; }
    public KubernetesCalicoStore Store { get; }
    public string SubnetId { get; }
    public string NodeNetworkInterfaceId { get; }

    /// <summary>Whether Calico's real CRD schemas validate what the functions write (else a schema-less stand-in).</summary>
    public bool SchemasValidated => _temporaryCrds is null;

    public static async Task<DemoWorld> StartAsync(TextWriter functionLog, CancellationToken cancellationToken)
    {
        var aws = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 2019, Region = Region, TimeProvider = DemoClock.Instance }, cancellationToken);
        var account = aws.Account;
        var vpc = account.AddVpc("10.0.0.0/16");
        var subnet = account.AddSubnet(vpc.VpcId, "10.0.1.0/24", Region + "a");
        // What exists before SgLambda's story starts: the cluster's SGs, SgLambda's internal SGs, one node.
        var nodes = account.AddSecurityGroup(vpc.VpcId, "sglambda-demo-nodes", "Worker nodes of EKS cluster sglambda-demo");
        var podDefault = account.AddSecurityGroup(vpc.VpcId, "sglambda-demo-pod-default", "Every pod of EKS cluster sglambda-demo");
        var trust = account.AddSecurityGroup(vpc.VpcId, "sglambda-trust-host-enforcement", "SgLambda: on every VPC member");
        var enforced = account.AddSecurityGroup(vpc.VpcId, "sglambda-has-host-enforcement", "SgLambda: on every cluster node");
        account.AddIngressRules(nodes.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId, Description = "Nodes to each other" }] });
        account.AddIngressRules(podDefault.GroupId, new Core.Aws.IpPermission
        {
            IpProtocol = "-1",
            UserIdGroupPairs =
            [
                new Core.Aws.UserIdGroupPair { GroupId = podDefault.GroupId, Description = "Pod to pod" },
                new Core.Aws.UserIdGroupPair { GroupId = nodes.GroupId, Description = "From the nodes" },
            ],
        });
        account.AddIngressRules(trust.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = enforced.GroupId }] });
        account.AddIngressRules(enforced.GroupId, new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = trust.GroupId }] });
        var node = account.AddInstance(subnet.SubnetId, [nodes.GroupId, enforced.GroupId], "10.0.1.50", secondaryPrivateIpAddressCount: 3);
        aws.Events.Drain();

        var config = new SgLambdaConfig
        {
            VpcId = vpc.VpcId,
            ClusterName = "sglambda-demo",
            PodSecurityGroupId = podDefault.GroupId,
            NodeSecurityGroupIds = [nodes.GroupId],
            TrustSecurityGroupId = trust.GroupId,
            EnforcedSecurityGroupId = enforced.GroupId,
            AccountId = aws.Options.AccountId,
            Region = Region,
        };

        var (crds, temporary) = CrdDirectory();
        var cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
        {
            CrdDirectory = crds,
            ValidateCustomResources = temporary is null,
            TimeProvider = DemoClock.Instance,
        }, cancellationToken);
        cluster.Seed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = NodeName },
            ["spec"] = new JsonObject { ["providerID"] = $"aws:///{Region}a/{node.InstanceId}" },
        });
        var kubernetes = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = cluster.BaseUrl.ToString(), AccessToken = "sglambda-demo" });

        var credentials = new BasicAWSCredentials("AKIDSGLAMBDADEMO", "demo");
        var options = new AwsClientOptions { Region = Region, Ec2ServiceUrl = aws.ServiceUrl, RdsServiceUrl = aws.ServiceUrl };
        var ec2 = AwsClients.CreateEc2Client(options, credentials);
        var rds = AwsClients.CreateRdsClient(options, credentials);
        var store = new KubernetesCalicoStore(kubernetes, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup });
        var engine = new SyncEngine(new Ec2Inventory(ec2, rds, config), new KubernetesNodeReader(kubernetes), store, config,
            new AwsSecurityGroupWriter(ec2, rds), new KubernetesNetworkPolicyReader(kubernetes));
        var logger = new StructuredLogger(functionLog, Functions.LogLevel.Information, DemoClock.Instance);
        return new DemoWorld(aws, cluster, ec2, rds, kubernetes, config,
            new ChangeHandler(config, engine, logger, DemoClock.Instance), new Reconciler(engine, logger, DemoClock.Instance),
            DemoWebhook.Create(cluster.BaseUrl, config, logger), store, functionLog, subnet.SubnetId, node.PrimaryNetworkInterfaceId, temporary);
    }

    /// <summary>Delivers every event the EC2 emulator emitted to the change handler, as EventBridge would; returns their names.</summary>
    public async Task<IReadOnlyList<string>> DeliverEventsAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var emitted in Aws.Events.Drain())
        {
            names.Add(emitted.EventName);
            using var input = new MemoryStream(Encoding.UTF8.GetBytes(emitted.Json));
            await using var response = await Handler.InvokeAsync(input, Context("sglambda-change-handler"));
        }
        return names;
    }

    /// <summary>One scheduled run of the reconciler function.</summary>
    public async Task ReconcileAsync()
    {
        using var input = new MemoryStream("{}"u8.ToArray());
        await using var response = await Reconciler.InvokeAsync(input, Context("sglambda-reconciler"));
    }

    /// <summary>Every Calico object of the cluster (SgLambda's and the user's).</summary>
    public async Task<IReadOnlyList<CalicoObject>> CalicoObjectsAsync(CancellationToken cancellationToken)
    {
        var objects = new List<CalicoObject>();
        foreach (var kind in new[] { "Tier", "GlobalNetworkPolicy", "NetworkPolicy", "HostEndpoint", "GlobalNetworkSet" })
            objects.AddRange(await Store.ListAsync(kind, "", cancellationToken));
        return objects;
    }

    /// <summary>What <c>explain</c> reads, taken from the emulators: AWS through EC2, the cluster through its API.</summary>
    public async Task<ExplainInputs> ExplainInputsAsync(CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var objects = (await CalicoObjectsAsync(cancellationToken)).ToList();
        foreach (var policy in await new KubernetesNetworkPolicyReader(Kubernetes).ListNetworkPoliciesAsync(cancellationToken))
            objects.Add(KubernetesNetworkPolicyConverter.Convert(policy, Config.CalicoApiGroup, notes));
        var pods = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. Cluster.List("v1", "Pod").Select(p => (JsonNode?)p.DeepClone())]) };
        // AWS as the functions see it: through AWSSDK.EC2 and the RDS client; the nodes through the cluster's API.
        var snapshot = await new Ec2Inventory(Ec2, _rds, Config).ReadAllAsync(cancellationToken)
            with { Nodes = await new KubernetesNodeReader(Kubernetes).ListNodesAsync(cancellationToken) };
        return new ExplainInputs
        {
            Aws = snapshot,
            Config = Config,
            Cluster = objects,
            Pods = PodListParser.Parse(new InputFile("pods", pods.ToJsonString())),
            NodeNames = [NodeName],
            Notes = notes,
        };
    }

    private LambdaContext Context(string function)
    {
        var id = Interlocked.Increment(ref _invocations);
        return new LambdaContext($"demo-{id:D4}", function, $"arn:aws:lambda:{Region}:{Aws.Options.AccountId}:function:{function}",
            DemoClock.Instance.GetUtcNow().AddMinutes(5), DemoClock.Instance);
    }

    /// <summary>
    /// Calico's CRDs where the tests find them (SGLAMBDA_CALICO_CRDS, or ../shared/calico-crds); else a
    /// stand-in that serves the five kinds without schemas, so the demo runs on any fresh clone.
    /// </summary>
    private static (string Directory, string? Temporary) CrdDirectory()
    {
        try
        {
            var root = CalicoCrds.Locate(Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable), AppContext.BaseDirectory);
            return (CalicoCrds.DirectoryFor(root, CalicoApiGroups.ProjectCalicoV3), null);
        }
        catch (DirectoryNotFoundException)
        {
            var directory = Path.Combine(Path.GetTempPath(), $"sglambda-demo-crds-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            foreach (var (kind, plural, scope) in new[]
            {
                ("Tier", "tiers", "Cluster"), ("GlobalNetworkPolicy", "globalnetworkpolicies", "Cluster"),
                ("NetworkPolicy", "networkpolicies", "Namespaced"), ("HostEndpoint", "hostendpoints", "Cluster"),
                ("GlobalNetworkSet", "globalnetworksets", "Cluster"),
            })
            {
                File.WriteAllText(Path.Combine(directory, plural + ".yaml"), $"""
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata:
                      name: {plural}.projectcalico.org
                    spec:
                      group: projectcalico.org
                      names:
                        kind: {kind}
                        listKind: {kind}List
                        plural: {plural}
                        singular: {kind.ToLowerInvariant()}
                      scope: {scope}
                      versions:
                      - name: v3
                        served: true
                        storage: true
                        schema:
                          openAPIV3Schema:
                            type: object
                            x-kubernetes-preserve-unknown-fields: true
                    """);
            }
            return (directory, directory);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        _rds.Dispose();
        Webhook.Dispose();
        Kubernetes.Dispose();
        await Cluster.DisposeAsync();
        await Aws.DisposeAsync();
        await _functionLog.FlushAsync();
        if (_temporaryCrds is not null) Directory.Delete(_temporaryCrds, recursive: true);
    }
}
