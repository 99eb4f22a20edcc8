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
    private Ec2Emulator _aws = null!;
    private KubernetesApiEmulator _cluster = null!;
    private IAmazonEC2 _ec2 = null!;
    private KubernetesHttpApi _api = null!;
    private SyncEngine _engine = null!;
    private SgLambdaConfig _config = null!;
    private string _group = "";
    private bool _authorized;
    private int _events;
    private int _awsCalls;
    private int _kubernetesCalls;

    /// <summary>Each event's time, and the part of it the emulators spent serving its calls.</summary>
    public List<EventSample> Samples { get; } = [];

    [Params(100, 10_000)]
    public int SecurityGroups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _aws = Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 1 }).GetAwaiter().GetResult();
        var vpc = _aws.Account.AddVpc("10.0.0.0/8");
        var subnet = _aws.Account.AddSubnet(vpc.VpcId, "10.0.0.0/12");
        _config = new SgLambdaConfig { VpcId = vpc.VpcId };
        var groups = new List<string>();
        for (var i = 0; i < SecurityGroups; i++)
        {
            var id = _aws.Account.AddSecurityGroup(vpc.VpcId, $"sg-{i}").GroupId;
            if (groups.Count > 0)
                _aws.Account.AddIngressRules(id, new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = groups[^1] }] });
            groups.Add(id);
            _aws.Account.AddInstance(subnet.SubnetId, [id]);
            _aws.Account.AddInstance(subnet.SubnetId, [id]);
        }
        _group = groups[SecurityGroups / 2];

        // The cluster starts as the reconciler leaves it: every rendered object, seeded directly.
        var crds = CalicoCrds.Locate(Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable), AppContext.BaseDirectory);
        _cluster = KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = crds }).GetAwaiter().GetResult();
        foreach (var value in Translator.Render(_aws.Account.ToSnapshot(), _config).Objects) _cluster.Seed(CalicoSerializer.ToJsonNode(value));

        var options = new AwsClientOptions { Region = "us-west-2", Ec2ServiceUrl = _aws.ServiceUrl, RdsServiceUrl = _aws.ServiceUrl };
        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
        _ec2 = AwsClients.CreateEc2Client(options, credentials);
        _api = new KubernetesHttpApi(_cluster.BaseUrl, null, new StaticTokenSource("bench"));
        var store = new KubernetesCalicoStore(_api, new KubernetesStoreOptions { ApiGroup = _config.CalicoApiGroup });
        _engine = new SyncEngine(new Ec2Inventory(_ec2, AwsClients.CreateRdsClient(options, credentials), _config), new KubernetesNodeReader(_api), store, _config, SyncEngineOptions.CalicoOnly);
        _aws.Events.Drain();
    }

    [Benchmark]
    public async Task OneRuleChangeEvent()
    {
        var permission = new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "10.1.0.0/16" }] };
        if (_authorized) await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = _group, IpPermissions = [permission] });
        else await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = _group, IpPermissions = [permission] });
        _authorized = !_authorized;

        var awsBefore = _aws.Calls.Total;
        var kubernetesBefore = _cluster.Requests.Total;
        var awsServiceBefore = _aws.Calls.ServiceTime;
        var kubernetesServiceBefore = _cluster.Requests.ServiceTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var emitted in _aws.Events.Drain())
        {
            var report = await _engine.PlanEventAsync(EventClassifier.Classify(emitted.Json, _config), CancellationToken.None);
            await _engine.ApplyAsync(report, CancellationToken.None);
        }
        Samples.Add(new EventSample(System.Diagnostics.Stopwatch.GetElapsedTime(started),
            _aws.Calls.ServiceTime - awsServiceBefore + (_cluster.Requests.ServiceTime - kubernetesServiceBefore), GC.GetTotalPauseDuration() - pauseBefore));
        _events++;
        _awsCalls += _aws.Calls.Total - awsBefore;
        _kubernetesCalls += _cluster.Requests.Total - kubernetesBefore;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// {SecurityGroups} SGs: {_events} events, {(double)_awsCalls / Math.Max(_events, 1):F1} AWS calls and {(double)_kubernetesCalls / Math.Max(_events, 1):F1} Kubernetes calls per event");
        _ec2?.Dispose();
        _api?.Dispose();
        _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _aws?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
