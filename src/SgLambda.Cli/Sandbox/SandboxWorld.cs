using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.Runtime;
using k8s;
using SgLambda.Aws;
using SgLambda.Aws.Rds;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Diagnostics.Explain;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Sync;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Emulators.Kubernetes.Calico;
using SgLambda.Functions;
using SgLambda.Functions.Lambda;
using SgLambda.Functions.Observability;
using SgLambda.Kubernetes;

namespace SgLambda.Cli.Sandbox;

/// <summary>
/// SgLambda on one machine: the EC2/RDS API emulator (the account), the Kubernetes API emulator (Calico's CRDs
/// when found), the real AWSSDK and KubernetesClient clients pointed at them, and the function classes the
/// Lambdas run (change handler, reconciler, admission webhook) composed over the real adapters. <c>sandbox</c>
/// serves it to the user's own clients; <c>demo</c> runs a script on it.
/// </summary>
internal sealed class SandboxWorld : IAsyncDisposable
{
    private readonly TextWriter _functionLog;
    private readonly TimeProvider _clock;
    private readonly string? _temporaryCrds;
    private int _invocations;
    private KubernetesHttpApi _api = null!;
    private Action<string>? _podAdmitted;

    private SandboxWorld(Ec2Emulator aws, KubernetesApiEmulator cluster, IAmazonEC2 ec2, IAmazonRDS rds, IKubernetes kubernetes, SgLambdaConfig config,
        ChangeHandler handler, Reconciler reconciler, SandboxWebhook webhook, KubernetesCalicoStore store, TextWriter functionLog, TimeProvider clock, string? temporaryCrds)
    {
        Aws = aws;
        Cluster = cluster;
        Ec2 = ec2;
        Rds = rds;
        Kubernetes = kubernetes;
        Config = config;
        Handler = handler;
        Reconciler = reconciler;
        Webhook = webhook;
        Store = store;
        _functionLog = functionLog;
        _clock = clock;
        _temporaryCrds = temporaryCrds;
    }

    public Ec2Emulator Aws { get; }
    public KubernetesApiEmulator Cluster { get; }
    public IAmazonEC2 Ec2 { get; }
    public IAmazonRDS Rds { get; }
    public IKubernetes Kubernetes { get; }
    public SgLambdaConfig Config { get; }
    public ChangeHandler Handler { get; }
    public Reconciler Reconciler { get; }
    /// <summary>The admission webhook function, called through its function URL as the API server calls it.</summary>
    public SandboxWebhook Webhook { get; }
    public KubernetesCalicoStore Store { get; }

    /// <summary>Whether Calico's real CRD schemas validate what the functions write (else a schema-less stand-in).</summary>
    public bool SchemasValidated => _temporaryCrds is null;

    /// <summary>
    /// Starts both emulators, seeds the account (<paramref name="seedAccount"/> returns SgLambda's configuration
    /// for it and the cluster objects that exist before SgLambda, such as Nodes) and composes the functions.
    /// </summary>
    public static async Task<SandboxWorld> StartAsync(SandboxSettings settings, Func<Ec2Account, SandboxSeed> seedAccount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(seedAccount);
        var aws = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions
        {
            Seed = settings.Seed,
            AccountId = settings.AccountId,
            Region = settings.Region,
            TimeProvider = settings.Clock,
            Port = settings.AwsPort,
            UnimplementedAction = settings.UnimplementedAction,
        }, cancellationToken);
        var seed = seedAccount(aws.Account);
        aws.Events.Drain();
        var config = seed.Config with { AccountId = settings.AccountId, Region = settings.Region };

        var (crds, temporary) = CrdDirectory();
        var cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
        {
            CrdDirectory = crds,
            ValidateCustomResources = temporary is null,
            TimeProvider = settings.Clock,
            UseTls = settings.UseTls,
            BearerToken = settings.BearerToken,
        }, cancellationToken);
        foreach (var item in seed.ClusterObjects) cluster.Seed(item);
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(cluster.KubeconfigYaml()));
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(kubeconfig);
        var kubernetes = new k8s.Kubernetes(configuration);
        // SgLambda's own reads and writes, and the reconciler's pod relabelling, over the adapter the functions use.
        var api = KubeconfigConnection.Open(configuration);

        var credentials = new BasicAWSCredentials("AKIDSGLAMBDASANDBOX", "sandbox");
        var options = new AwsClientOptions { Region = settings.Region, Ec2ServiceUrl = aws.ServiceUrl, RdsServiceUrl = aws.ServiceUrl };
        var ec2 = AwsClients.CreateEc2Client(options, credentials);
        var rds = AwsClients.CreateRdsClient(options, credentials);
        var store = new KubernetesCalicoStore(api, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup });
        var engine = new SyncEngine(new Ec2Inventory(ec2, rds, config), new KubernetesNodeReader(api), store, config,
            new AwsSecurityGroupWriter(ec2, rds), new KubernetesNetworkPolicyReader(api));
        var logger = new StructuredLogger(settings.FunctionLog, Functions.LogLevel.Information, settings.Clock);
        var webhook = SandboxWebhook.Create(cluster.BaseUrl, cluster.CertificateAuthorityPem, cluster.BearerToken ?? "sglambda-sandbox", config, logger, settings.Clock);
        var reconciler = new Reconciler(engine, logger, settings.Clock) { Relabeler = new PodRelabeler(new KubernetesHttpPodLabels(api), config) };
        var world = new SandboxWorld(aws, cluster, ec2, rds, kubernetes, config,
            new ChangeHandler(config, engine, logger, settings.Clock), reconciler,
            webhook, store, settings.FunctionLog, settings.Clock, temporary) { _api = api, _podAdmitted = settings.PodAdmitted };
        // As after kubectl apply -f infra/cluster/webhook.yaml: the cluster sends its pods through the webhook function.
        if (settings.WebhookInstalled) world.InstallWebhook();
        return world;
    }

    /// <summary>
    /// <c>kubectl apply -f infra/cluster/webhook.yaml</c>: from now on the cluster sends every pod CREATE and UPDATE
    /// outside the exempt namespaces through the webhook function (failing open).
    /// </summary>
    public void InstallWebhook() => Cluster.PodWebhook = Webhook.Registration(Config.ExemptNamespaces, _podAdmitted);

    /// <summary>Hands one event to the change handler function, as EventBridge would; returns the function's answer.</summary>
    public async Task<SandboxEventOutcome> DeliverAsync(EmittedEvent emitted)
    {
        ArgumentNullException.ThrowIfNull(emitted);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(emitted.Json));
        await using var response = await Handler.InvokeAsync(input, Context("sglambda-change-handler"));
        using var answer = await JsonDocument.ParseAsync(response);
        var root = answer.RootElement;
        return new SandboxEventOutcome(
            root.GetProperty("status").GetString() ?? "",
            root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
    }

    /// <summary>One run of the reconciler function (as its schedule starts it).</summary>
    public async Task ReconcileAsync()
    {
        using var input = new MemoryStream("{}"u8.ToArray());
        await using var response = await Reconciler.InvokeAsync(input, Context("sglambda-reconciler"));
    }

    /// <summary>Every Calico object of the cluster (SgLambda's and the user's).</summary>
    public async Task<IReadOnlyList<CalicoObject>> CalicoObjectsAsync(CancellationToken cancellationToken)
    {
        var objects = new List<CalicoObject>();
        foreach (var kind in CalicoKind.All)
            objects.AddRange(await Store.ListAsync(kind, LabelQuery.Everything, cancellationToken));
        return objects;
    }

    /// <summary>What <c>explain</c> reads, taken from the emulators: AWS through EC2, the cluster through its API.</summary>
    public async Task<ExplainInputs> ExplainInputsAsync(IReadOnlyList<string> nodeNames, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var objects = (await CalicoObjectsAsync(cancellationToken)).ToList();
        foreach (var policy in await new KubernetesNetworkPolicyReader(_api).ListNetworkPoliciesAsync(cancellationToken))
            objects.Add(KubernetesNetworkPolicyConverter.Convert(policy, Config.CalicoApiGroup, notes));
        var pods = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. Cluster.List("v1", "Pod").Select(p => (JsonNode?)p.DeepClone())]) };
        // AWS as the functions see it: through AWSSDK.EC2 and the RDS client; the nodes through the cluster's API.
        var snapshot = await new Ec2Inventory(Ec2, Rds, Config).ReadAllAsync(cancellationToken)
            with { Nodes = await new KubernetesNodeReader(_api).ListNodesAsync(cancellationToken) };
        return new ExplainInputs
        {
            Aws = snapshot,
            Config = Config,
            Cluster = objects,
            Pods = PodListParser.Parse(new InputFile("pods", pods.ToJsonString())),
            NodeNames = nodeNames,
            Notes = notes,
        };
    }

    private LambdaContext Context(string function)
    {
        var id = Interlocked.Increment(ref _invocations);
        return new LambdaContext($"sandbox-{id:D4}", function, $"arn:aws:lambda:{Config.Region}:{Config.AccountId}:function:{function}",
            _clock.GetUtcNow().AddMinutes(5), _clock);
    }

    /// <summary>
    /// Calico's CRDs where the tests find them (SGLAMBDA_CALICO_CRDS, or ../shared/calico-crds); else a
    /// stand-in that serves the five kinds without schemas, so the sandbox runs on any fresh clone.
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
            var directory = Path.Combine(Path.GetTempPath(), $"sglambda-sandbox-crds-{Guid.NewGuid():N}");
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

    /// <summary>A Node as kubectl shows it: the name and the provider ID that names its instance.</summary>
    public static JsonObject NodeObject(string name, string? providerId) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = providerId is null ? new JsonObject() : new JsonObject { ["providerID"] = providerId },
    };

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Rds.Dispose();
        Webhook.Dispose();
        _api.Dispose();
        Kubernetes.Dispose();
        await Cluster.DisposeAsync();
        await Aws.DisposeAsync();
        await _functionLog.FlushAsync();
        if (_temporaryCrds is not null) Directory.Delete(_temporaryCrds, recursive: true);
    }
}
