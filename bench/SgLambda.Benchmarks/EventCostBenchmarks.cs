using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using SgLambda.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Sync;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Emulators.Kubernetes.Calico;
using SgLambda.Kubernetes;

namespace SgLambda.Benchmarks;

/// <summary>
/// The cost of one event end to end, as the change handler pays it: an AWS change (one rule authorized or
/// revoked, alternately), its CloudTrail event classified, the affected SG re-read through the real EC2
/// client, rendered, diffed against the cluster through the real KubernetesClient and applied, against the
/// loopback emulators holding an account of 100 or 10,000 SGs (and two instances per SG). The calls each
/// event made are printed at the end; they do not depend on the account's size.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet needs an unsealed class; [GlobalCleanup] disposes the clients and emulators.")]
public class EventCostBenchmarks
{
    private Ec2Emulator aws = null!;
    private KubernetesApiEmulator cluster = null!;
    private IAmazonEC2 ec2 = null!;
    private KubernetesHttpApi api = null!;
    private SyncEngine engine = null!;
    private SgLambdaConfig config = null!;
    private string group = "";
    private bool authorized;
    private int events;
    private int awsCalls;
    private int kubernetesCalls;

    /// <summary>Each event's time, and the part of it the emulators spent serving its calls.</summary>
    public List<EventSample> Samples { get; } = [];

    [Params(100, 10_000)]
    public int SecurityGroups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        aws = Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 1 }).GetAwaiter().GetResult();
        var vpc = aws.Account.AddVpc("10.0.0.0/8");
        var subnet = aws.Account.AddSubnet(vpc.VpcId, "10.0.0.0/12");
        config = new SgLambdaConfig { VpcId = vpc.VpcId };
        var groups = new List<string>();
        for (var i = 0; i < SecurityGroups; i++)
        {
            var id = aws.Account.AddSecurityGroup(vpc.VpcId, $"sg-{i}").GroupId;
            if (groups.Count > 0)
                aws.Account.AddIngressRules(id, new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = groups[^1] }] });
            groups.Add(id);
            aws.Account.AddInstance(subnet.SubnetId, [id]);
            aws.Account.AddInstance(subnet.SubnetId, [id]);
        }
        group = groups[SecurityGroups / 2];

        // The cluster starts as the reconciler leaves it: every rendered object, seeded directly.
        var crds = CalicoCrds.Locate(Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable), AppContext.BaseDirectory);
        cluster = KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = crds }).GetAwaiter().GetResult();
        foreach (var value in Translator.Render(aws.Account.ToSnapshot(), config).Objects) cluster.Seed(CalicoSerializer.ToJsonNode(value));

        var options = new AwsClientOptions { Region = "us-west-2", Ec2ServiceUrl = aws.ServiceUrl, RdsServiceUrl = aws.ServiceUrl };
        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
        ec2 = AwsClients.CreateEc2Client(options, credentials);
        api = new KubernetesHttpApi(cluster.BaseUrl, null, new StaticTokenSource("bench"));
        var store = new KubernetesCalicoStore(api, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup });
        engine = new SyncEngine(new Ec2Inventory(ec2, AwsClients.CreateRdsClient(options, credentials), config), new KubernetesNodeReader(api), store, config, SyncEngineOptions.CalicoOnly);
        aws.Events.Drain();
    }

    [Benchmark]
    public async Task OneRuleChangeEvent()
    {
        var permission = new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "10.1.0.0/16" }] };
        if (authorized) await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [permission] });
        else await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [permission] });
        authorized = !authorized;

        var awsBefore = aws.Calls.Total;
        var kubernetesBefore = cluster.Requests.Total;
        var awsServiceBefore = aws.Calls.ServiceTime;
        var kubernetesServiceBefore = cluster.Requests.ServiceTime;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var emitted in aws.Events.Drain())
        {
            var report = await engine.PlanEventAsync(EventClassifier.Classify(emitted.Json, config), CancellationToken.None);
            await engine.ApplyAsync(report, CancellationToken.None);
        }
        Samples.Add(new EventSample(System.Diagnostics.Stopwatch.GetElapsedTime(started),
            aws.Calls.ServiceTime - awsServiceBefore + (cluster.Requests.ServiceTime - kubernetesServiceBefore)));
        events++;
        awsCalls += aws.Calls.Total - awsBefore;
        kubernetesCalls += cluster.Requests.Total - kubernetesBefore;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// {SecurityGroups} SGs: {events} events, {(double)awsCalls / Math.Max(events, 1):F1} AWS calls and {(double)kubernetesCalls / Math.Max(events, 1):F1} Kubernetes calls per event");
        ec2?.Dispose();
        api?.Dispose();
        cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        aws?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
