using Amazon.EC2;
using Amazon.Runtime;
using SgLambda.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Planning;
using SgLambda.Core.Sync;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Kubernetes;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// SgLambda wired as in production, against the emulators: the real EC2 client and the RDS Query client
/// over HTTP to the EC2/RDS emulator, the Kubernetes adapter (opened from a kubeconfig) to the Kubernetes API emulator (validating
/// against Calico's CRDs), and the sync engine between them. Retries never sleep.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(Ec2Emulator aws, KubernetesApiEmulator cluster, IAmazonEC2 ec2, KubernetesHttpApi kubernetes, SgLambdaConfig config, SyncEngine engine, KubernetesCalicoStore store)
    {
        Aws = aws;
        Cluster = cluster;
        Ec2 = ec2;
        Kubernetes = kubernetes;
        Config = config;
        Engine = engine;
        Store = store;
    }

    public Ec2Emulator Aws { get; }
    public KubernetesApiEmulator Cluster { get; }
    public IAmazonEC2 Ec2 { get; }
    public KubernetesHttpApi Kubernetes { get; }
    public SgLambdaConfig Config { get; }
    public SyncEngine Engine { get; }
    public KubernetesCalicoStore Store { get; }
    public string VpcId => Config.VpcId;
    public string SubnetId { get; private set; } = "";

    /// <summary>Every event delivered so far, as EventBridge sent it.</summary>
    public List<string> Delivered { get; } = [];

    /// <summary>Events that failed after the clients' retries (Lambda would retry them, then dead-letter them).</summary>
    public List<string> FailedEvents { get; } = [];

    /// <summary>The events of <see cref="FailedEvents"/> as delivered, for redelivery (SQS would retry them).</summary>
    public List<string> FailedEventJson { get; } = [];

    /// <param name="seed">Seeds the emulators' ids and faults.</param>
    /// <param name="attachTrust">The config's attachTrustSecurityGroup.</param>
    /// <param name="retries">The AWS and Kubernetes clients' retries of a failed call (fewer lets injected faults fail events).</param>
    public static async Task<Harness> StartAsync(int seed, bool attachTrust = false, int retries = 10)
    {
        var aws = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = seed });
        var vpc = aws.Account.AddVpc("10.0.0.0/16");
        var subnet = aws.Account.AddSubnet(vpc.VpcId, "10.0.0.0/20");
        var trust = aws.Account.AddSecurityGroup(vpc.VpcId, "sglambda-trust");
        var enforced = aws.Account.AddSecurityGroup(vpc.VpcId, "sglambda-enforced");
        var config = new SgLambdaConfig
        {
            VpcId = vpc.VpcId,
            ClusterName = "e2e",
            TrustSecurityGroupId = trust.GroupId,
            EnforcedSecurityGroupId = enforced.GroupId,
            AttachTrustSecurityGroup = attachTrust,
        };

        var cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, FaultSeed = seed });
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"sglambda-e2e-{Guid.NewGuid():N}.kubeconfig");
        await cluster.WriteKubeconfigAsync(kubeconfig);
        KubernetesHttpApi kubernetes;
        try
        {
            kubernetes = KubeconfigConnection.Open(kubeconfig);
        }
        finally
        {
            File.Delete(kubeconfig);
        }

        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
        var options = new AwsClientOptions { Region = "us-west-2", Ec2ServiceUrl = aws.ServiceUrl, RdsServiceUrl = aws.ServiceUrl, MaxErrorRetry = retries, Timeout = TimeSpan.FromSeconds(10) };
        var ec2 = AwsClients.CreateEc2Client(options, credentials);
        var rds = AwsClients.CreateRdsClient(options, credentials);
        var noSleep = new SgLambda.Kubernetes.RetryPolicy(retries, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10), TimeSpan.Zero);
        var retry = new KubernetesRetry(noSleep, (_, _) => Task.CompletedTask, seed);
        var store = new KubernetesCalicoStore(kubernetes, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup, Retry = noSleep }, retry);
        var engine = new SyncEngine(new Ec2Inventory(ec2, rds, config), new KubernetesNodeReader(kubernetes, retry), store, config, new SyncEngineOptions
        {
            Companions = CompanionPolicies.Disabled,
            TrustSecurityGroups = TrustSecurityGroupWrites.Write(new AwsSecurityGroupWriter(ec2, rds)),
        });
        return new Harness(aws, cluster, ec2, kubernetes, config, engine, store) { SubnetId = subnet.SubnetId };
    }

    /// <summary>
    /// A small account to start from, seeded without events (as if it existed before SgLambda): SGs that
    /// reference each other and a prefix list, instances, a cluster node, a spare ENI and a database.
    /// </summary>
    public void SeedAccount()
    {
        var account = Aws.Account;
        var list = account.AddPrefixList("office", ["192.0.2.0/24"]);
        var groups = Enumerable.Range(1, 4).Select(i => account.AddSecurityGroup(VpcId, $"seed-{i}").GroupId).ToList();
        account.AddIngressRules(groups[0], new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = groups[1] }] });
        account.AddIngressRules(groups[1], new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, PrefixListIds = [new Core.Aws.PrefixListId { Id = list.PrefixListId }] });
        account.AddIngressRules(groups[2], new Core.Aws.IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = groups[2] }] });
        account.AddEgressRules(groups[3], new Core.Aws.IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, IpRanges = [new Core.Aws.IpRange { CidrIp = "10.0.0.0/16" }] });
        account.AddInstance(SubnetId, [groups[0]]);
        account.AddInstance(SubnetId, [groups[1], groups[2]]);
        account.AddInstance(SubnetId, [groups[2], Config.EnforcedSecurityGroupId!], secondaryPrivateIpAddressCount: 3);
        account.AddNetworkInterface(new Emulators.Aws.Model.NetworkInterfaceSpec { SubnetId = SubnetId, GroupIds = [groups[3]] });
        account.AddDbInstance("orders", [groups[1]], SubnetId);
    }

    /// <summary>Feeds every event the emulator emitted since the last call through the change handler's path.</summary>
    public async Task<List<SyncReport>> DeliverEventsAsync()
    {
        var reports = new List<SyncReport>();
        foreach (var emitted in Aws.Events.Drain())
        {
            Delivered.Add(emitted.Json);
            var classified = EventClassifier.Classify(emitted.Json, Config);
            try
            {
                var report = await Engine.PlanEventAsync(classified, CancellationToken.None);
                await Engine.ApplyAsync(report, CancellationToken.None);
                reports.Add(report);
            }
            catch (Exception e) when (e is AmazonServiceException or KubernetesRequestException or HttpRequestException or TaskCanceledException)
            {
                FailedEvents.Add($"{classified.Event.EventName}: {e.GetType().Name}: {e.Message}");
                FailedEventJson.Add(emitted.Json);
            }
        }
        return reports;
    }

    /// <summary>
    /// Feeds the emitted events as the SQS event source does: in batches of up to <paramref name="batchSize"/>,
    /// each coalesced into one read and one diff.
    /// </summary>
    public async Task<List<SyncReport>> DeliverEventsCoalescedAsync(int batchSize)
    {
        var reports = new List<SyncReport>();
        foreach (var batch in Aws.Events.Drain().Chunk(batchSize))
        {
            Delivered.AddRange(batch.Select(e => e.Json));
            var merged = EventBatch.Coalesce([.. batch.Select(e => EventClassifier.Classify(e.Json, Config))]);
            var report = await Engine.PlanEventAsync(merged, CancellationToken.None);
            await Engine.ApplyAsync(report, CancellationToken.None);
            reports.Add(report);
        }
        return reports;
    }

    /// <summary>Hands one event (not emitted by the emulator: another service's call) to the change handler's path.</summary>
    public async Task<SyncReport> DeliverAsync(string eventJson)
    {
        Delivered.Add(eventJson);
        var report = await Engine.PlanEventAsync(EventClassifier.Classify(eventJson, Config), CancellationToken.None);
        await Engine.ApplyAsync(report, CancellationToken.None);
        return report;
    }

    public async Task ReconcileAsync()
    {
        var report = await Engine.PlanReconcileAsync(CancellationToken.None);
        await Engine.ApplyAsync(report, CancellationToken.None);
    }

    /// <summary>What the cluster holds that render of the current AWS state would not (empty when they agree).</summary>
    public async Task<Plan> DifferenceFromRenderAsync()
    {
        var expected = Translator.Render(Aws.Account.ToSnapshot(), Config).Objects;
        var actual = new List<CalicoObject>();
        foreach (var kind in ClusterScope.RenderedKinds)
            actual.AddRange(await Store.ListAsync(kind, LabelQuery.Equal(LabelKeys.ManagedBy, LabelKeys.ManagedByValue), CancellationToken.None));
        return Planner.Diff(expected, actual);
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Kubernetes.Dispose();
        await Cluster.DisposeAsync();
        await Aws.DisposeAsync();
    }
}
