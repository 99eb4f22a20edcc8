using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Cli.Tests;

/// <summary>
/// <c>reconcile</c> and <c>replay</c> against live services: the EC2/RDS emulator reached through the SDKs'
/// standard endpoint variables and the default credential chain, and the Kubernetes API emulator through a
/// kubeconfig, exactly as a user points the CLI at an account and a cluster.
/// </summary>
[NonParallelizable]
public sealed class LiveSyncCommandTests
{
    private static readonly string[] Variables = ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"];
    private readonly Dictionary<string, string?> _saved = [];
    private Ec2Emulator _aws = null!;
    private KubernetesApiEmulator _cluster = null!;
    private string _directory = "";
    private string _kubeconfig = "";
    private string _config = "";
    private string _groupId = "";
    private string _vpcId = "";
    private string _subnetId = "";
    private string _appInstance = "";

    [SetUp]
    public async Task StartServices()
    {
        _aws = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 3 });
        var vpc = _aws.Account.AddVpc("10.0.0.0/16");
        var subnet = _aws.Account.AddSubnet(vpc.VpcId, "10.0.0.0/20");
        _groupId = _aws.Account.AddSecurityGroup(vpc.VpcId, "app").GroupId;
        _appInstance = _aws.Account.AddInstance(subnet.SubnetId, [_groupId]).InstanceId;
        (_vpcId, _subnetId) = (vpc.VpcId, subnet.SubnetId);
        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
        {
            CrdDirectory = CrdFolder.Root,
        });

        _directory = Directory.CreateTempSubdirectory("sglambda-live-").FullName;
        _kubeconfig = await _cluster.WriteKubeconfigAsync(Path.Combine(_directory, "kubeconfig"));
        _config = Path.Combine(_directory, "config.json");
        await File.WriteAllTextAsync(_config, $$"""{"vpcId": "{{vpc.VpcId}}", "clusterName": "live"}""");
        foreach (var name in Variables) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", _aws.ServiceUrl);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-west-2");
    }

    [TearDown]
    public async Task StopServices()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_aws is not null) await _aws.DisposeAsync();
        if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private CliResult Live(params string[] args) => CliResult.Run([.. args, "--config", _config, "--kubeconfig", _kubeconfig]);

    [Test]
    public void Reconcile_writes_the_rendered_objects_into_the_cluster_and_then_has_nothing_to_do()
    {
        var first = Live("reconcile");
        Assert.That(first.ExitCode, Is.Zero, first.Stderr);
        Assert.That(_cluster.List("projectcalico.org/v3", "GlobalNetworkPolicy").Select(p => p["metadata"]!["name"]!.GetValue<string>()),
            Does.Contain($"sg-local.{_groupId}"));
        Assert.That(_cluster.List("projectcalico.org/v3", "HostEndpoint"), Has.Count.EqualTo(1));

        var second = Live("reconcile", "--dry-run");
        Assert.That(second.Stdout, Does.Contain("reconcile: nothing to change"));
    }

    [Test]
    public async Task Replay_of_a_live_event_applies_its_plan_to_the_cluster()
    {
        Assert.That(Live("reconcile").ExitCode, Is.Zero);
        _aws.Events.Drain();
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "AuthorizeSecurityGroupIngress", ["Version"] = "2016-11-15", ["GroupId"] = _groupId,
            ["IpPermissions.1.IpProtocol"] = "tcp", ["IpPermissions.1.FromPort"] = "443", ["IpPermissions.1.ToPort"] = "443",
            ["IpPermissions.1.IpRanges.1.CidrIp"] = "10.0.0.0/16",
        });
        (await http.PostAsync(new Uri(_aws.ServiceUrl), form)).EnsureSuccessStatusCode();
        var eventFile = Path.Combine(_directory, "event.json");
        await File.WriteAllTextAsync(eventFile, _aws.Events.Drain().Single().Json);

        var result = Live("replay", eventFile, "-o", "json");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var plan = JsonNode.Parse(result.Stdout)!;
        Assert.That(plan["apply"]!.AsArray().Select(o => o!["metadata"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { $"sg-local.{_groupId}", Core.Translation.RemoteTarget.AddressBucketOf(_groupId).PolicyName }));
        var local = _cluster.Get("projectcalico.org/v3", "GlobalNetworkPolicy", null, $"sg-local.{_groupId}")!;
        Assert.That(local["spec"]!["ingress"]![0]!["destination"]!["ports"]![0]!.GetValue<int>(), Is.EqualTo(443));
    }

    [Test]
    public async Task Explain_reads_aws_and_the_cluster_live_and_names_the_sg_rule_that_admits_the_flow()
    {
        var client = _aws.Account.AddInstance(_subnetId, [_aws.Account.AddSecurityGroup(_vpcId, "client").GroupId]).InstanceId;
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "AuthorizeSecurityGroupIngress", ["Version"] = "2016-11-15", ["GroupId"] = _groupId,
            ["IpPermissions.1.IpProtocol"] = "tcp", ["IpPermissions.1.FromPort"] = "443", ["IpPermissions.1.ToPort"] = "443",
            ["IpPermissions.1.IpRanges.1.CidrIp"] = "10.0.0.0/16",
        });
        (await http.PostAsync(new Uri(_aws.ServiceUrl), form)).EnsureSuccessStatusCode();
        Assert.That(Live("reconcile").ExitCode, Is.Zero);

        var allowed = Live("explain", "--from", client, "--to", _appInstance, "--port", "443/tcp", "-o", "json");
        var denied = Live("explain", "--from", client, "--to", _appInstance, "--port", "444/tcp", "-o", "json");

        Assert.That(allowed.ExitCode, Is.Zero, allowed.Stderr);
        var report = JsonNode.Parse(allowed.Stdout)!;
        Assert.That(report["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(report["agree"]!.GetValue<bool>(), Is.True);
        Assert.That(report["aws"]!["ingress"]!["rule"]!["securityGroupName"]!.GetValue<string>(), Is.EqualTo("app"));
        Assert.That(report["aws"]!["ingress"]!["rule"]!["peer"]!.GetValue<string>(), Is.EqualTo("10.0.0.0/16"));
        Assert.That(denied.ExitCode, Is.Zero, denied.Stderr);
        Assert.That(JsonNode.Parse(denied.Stdout)!["allowed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public void Live_aws_without_a_config_is_a_usage_error()
    {
        var result = CliResult.Run("reconcile", "--kubeconfig", _kubeconfig, "--dry-run");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.StartWith("error: --config: required when AWS is read live"));
    }

    [Test]
    public async Task An_unreachable_cluster_is_reported_in_one_line_with_exit_code_3()
    {
        // The same kubeconfig with the server moved to port 1, where nothing listens.
        var text = await File.ReadAllTextAsync(_kubeconfig);
        var port = _cluster.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stale = Path.Combine(_directory, "stale-kubeconfig");
        await File.WriteAllTextAsync(stale, text.Replace($"127.0.0.1:{port}", "127.0.0.1:1", StringComparison.Ordinal));

        var result = CliResult.Run("reconcile", "--config", _config, "--kubeconfig", stale, "--dry-run");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        Assert.That(result.Stderr, Does.StartWith("error: cluster: "));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }
}
