using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SgLambda.Cli.Doctor;
using SgLambda.Diagnostics.Doctor;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Aws.Json;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Cli.Tests;

/// <summary>
/// <c>doctor</c> on a live installation: the EC2/RDS emulator, the SQS/CloudWatch Logs emulator and the
/// Kubernetes API emulator, reached through the real SDKs and KubernetesClient, as an operator runs it.
/// A reconcile makes the installation healthy; then faults are planted and each must be found, and nothing else.
/// </summary>
[NonParallelizable]
public sealed class DoctorCommandTests
{
    private const string Api = "projectcalico.org/v3";
    private const string ChangeHandlerLogs = "/aws/lambda/sglambda-ChangeHandler-1";
    private const string ReconcilerLogs = "/aws/lambda/sglambda-Reconciler-1";
    private const string WebhookUrl = "https://abc123.lambda-url.us-west-2.on.aws/0123456789abcdef0123456789abcdef";
    private static readonly string[] Variables = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"];
    private readonly Dictionary<string, string?> _saved = [];
    private Ec2Emulator _aws = null!;
    private OperationsEmulator _operations = null!;
    private KubernetesApiEmulator _cluster = null!;
    private string _directory = "";
    private string _kubeconfig = "";
    private string _config = "";
    private string _queueUrl = "";
    private string _appSg = "";
    private string _memberEni = "";
    private string _secondMemberEni = "";
    private string _bareMemberEni = "";

    [SetUp]
    public async Task StartServices()
    {
        _aws = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 11 });
        var vpc = _aws.Account.AddVpc("10.0.0.0/16");
        var subnet = _aws.Account.AddSubnet(vpc.VpcId, "10.0.0.0/20");
        _appSg = _aws.Account.AddSecurityGroup(vpc.VpcId, "app").GroupId;
        var trust = _aws.Account.AddSecurityGroup(vpc.VpcId, "trust").GroupId;
        var enforced = _aws.Account.AddSecurityGroup(vpc.VpcId, "enforced").GroupId;
        _memberEni = _aws.Account.AddInstance(subnet.SubnetId, [_appSg, trust]).PrimaryNetworkInterfaceId;
        _secondMemberEni = _aws.Account.AddInstance(subnet.SubnetId, [_appSg, trust]).PrimaryNetworkInterfaceId;
        _bareMemberEni = _aws.Account.AddInstance(subnet.SubnetId, [_appSg, trust]).PrimaryNetworkInterfaceId;
        var node = _aws.Account.AddInstance(subnet.SubnetId, [_appSg, enforced]);

        _operations = await OperationsEmulator.StartAsync();
        _queueUrl = _operations.State.CreateQueue("sglambda-DeadLetterQueue-1");
        _operations.State.CreateLogGroup(ChangeHandlerLogs);
        _operations.State.CreateLogGroup(ReconcilerLogs);

        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
        {
            CrdDirectory = CrdFolder.Root,
        });
        _cluster.Seed($$$"""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"ip-node.ec2.internal"},
             "spec":{"providerID":"aws:///us-west-2a/{{{node.InstanceId}}}"}}
            """);
        _cluster.Seed($$$"""
            {"apiVersion":"admissionregistration.k8s.io/v1","kind":"MutatingWebhookConfiguration","metadata":{"name":"sglambda-pod-security-groups"},
             "webhooks":[{"name":"pods.sglambda.io","admissionReviewVersions":["v1"],"sideEffects":"None","failurePolicy":"Fail",
               "clientConfig":{"url":"{{{WebhookUrl}}}"},
               "rules":[{"apiGroups":[""],"apiVersions":["v1"],"operations":["CREATE","UPDATE"],"resources":["pods"]}]}]}
            """);

        _directory = Directory.CreateTempSubdirectory("sglambda-doctor-").FullName;
        _kubeconfig = await _cluster.WriteKubeconfigAsync(Path.Combine(_directory, "kubeconfig"));
        _config = Path.Combine(_directory, "config.json");
        await File.WriteAllTextAsync(_config, $$"""
            {"vpcId": "{{vpc.VpcId}}", "clusterName": "doctor", "trustSecurityGroupId": "{{trust}}", "enforcedSecurityGroupId": "{{enforced}}"}
            """);
        foreach (var name in Variables) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", _aws.ServiceUrl);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SQS", _operations.ServiceUrl);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", _operations.ServiceUrl);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-west-2");

        var reconcile = CliResult.Run("reconcile", "--config", _config, "--kubeconfig", _kubeconfig);
        Assert.That(reconcile.ExitCode, Is.Zero, reconcile.Stderr);
    }

    [TearDown]
    public async Task StopServices()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_operations is not null) await _operations.DisposeAsync();
        if (_aws is not null) await _aws.DisposeAsync();
        if (_directory is not null && Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void A_healthy_installation_passes_every_check_with_exit_code_0()
    {
        _operations.State.PutLogEvent(ChangeHandlerLogs, "2025/01/01/[$LATEST]a", DateTimeOffset.UtcNow.AddMinutes(-5), """{"level":"Information","message":"applied"}""");

        var result = Doctor(StatusHandler.Answering(HttpStatusCode.Forbidden));

        Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.That(report["healthy"]!.GetValue<bool>(), Is.True);
        Assert.That(report["checks"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()), Is.All.EqualTo("passed"));
        Assert.That(_operations.Calls, Is.EqualTo(new[] { "AmazonSQS.GetQueueAttributes", "Logs_20140328.FilterLogEvents", "Logs_20140328.FilterLogEvents" }));
    }

    [Test]
    public async Task A_broken_installation_shows_every_planted_fault_and_nothing_else()
    {
        // AWS: a member without the trust SG (the others keep it), through the EC2 API as a user would.
        var trust = _aws.Account.FindNetworkInterface(_memberEni)!.GroupIds.Single(g => g != _appSg);
        using (var http = new HttpClient())
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "ModifyNetworkInterfaceAttribute", ["Version"] = "2016-11-15", ["NetworkInterfaceId"] = _bareMemberEni, ["SecurityGroupId.1"] = _appSg,
        }))
        {
            (await http.PostAsync(new Uri(_aws.ServiceUrl), form)).EnsureSuccessStatusCode();
        }
        // Cluster: a tier out of order, a missing policy, a policy of an SG that is gone, a HostEndpoint with
        // a wrong IP, a missing HostEndpoint, a foreign policy in an integration tier, no webhook.
        Change("Tier", "sg-local", tier => tier["spec"]!["order"] = 300);
        var stale = Get("GlobalNetworkPolicy", $"sg-local.{_appSg}");
        Delete("GlobalNetworkPolicy", $"sg-local.{_appSg}");
        stale["metadata"] = new JsonObject
        {
            ["name"] = "sg-local.sg-0gone0000000000001",
            ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "sglambda", ["sglambda.io/security-group"] = "sg-0gone0000000000001" },
        };
        _cluster.Seed(stale);
        Change("HostEndpoint", _memberEni, endpoint => endpoint["spec"]!["expectedIPs"] = new JsonArray("10.0.15.250"));
        Delete("HostEndpoint", _secondMemberEni);
        _cluster.Seed($$$"""
            {"apiVersion":"{{{Api}}}","kind":"GlobalNetworkPolicy","metadata":{"name":"sg-local.allow-all"},
             "spec":{"tier":"sg-local","order":1,"selector":"all()","types":["Ingress"],"ingress":[{"action":"Allow"}]}}
            """);
        Delete("MutatingWebhookConfiguration", WebhookConfiguration.SgLambdaName, "admissionregistration.k8s.io/v1");
        // An SG-aware NetworkPolicy whose companion the reconcile has not written yet.
        _cluster.Seed($$$$"""
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",
             "metadata":{"name":"allow-from-app","namespace":"default","uid":"5f0c8a52-9b1e-4c3a-8d2f-0a1b2c3d4e5f",
                         "annotations":{"rules.networkpolicy.tigera.io/match-security-groups":"true"}},
             "spec":{"podSelector":{},"ingress":[{"from":[{"podSelector":{"matchLabels":{"sg.aws.tigera.io/{{{{_appSg}}}}":""}}}]}]}}
            """);
        // Functions: dead letters, and error lines of the last hour (an old one and an information line do not count).
        _operations.State.AddMessages(_queueUrl, 2);
        var now = DateTimeOffset.UtcNow;
        _operations.State.PutLogEvent(ChangeHandlerLogs, "s", now.AddMinutes(-10), """{"level":"Error","message":"cluster refused apply"}""");
        _operations.State.PutLogEvent(ChangeHandlerLogs, "s", now.AddMinutes(-9), """{"level":"Information","message":"applied"}""");
        _operations.State.PutLogEvent(ReconcilerLogs, "s", now.AddHours(-2), """{"level":"Error","message":"long ago"}""");

        var result = Doctor(StatusHandler.Answering(HttpStatusCode.Forbidden));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.ProblemsFound), result.Stderr);
        var findings = JsonNode.Parse(result.Stdout)!["checks"]!.AsArray()
            .SelectMany(c => c!["findings"]!.AsArray().Select(f => (c["check"]!.GetValue<string>(), f!["id"]!.GetValue<string>(), f["subject"]!.GetValue<string>())))
            .ToList();
        Assert.That(findings, Is.EquivalentTo(new[]
        {
            (CheckIds.Tiers, FindingIds.TierOrder, "Tier/sg-local"),
            (CheckIds.Policies, FindingIds.PolicyMissing, _appSg),
            (CheckIds.Policies, FindingIds.PolicyStale, "sg-0gone0000000000001"),
            (CheckIds.HostEndpoints, FindingIds.HostEndpointIps, $"HostEndpoint/{_memberEni}"),
            (CheckIds.HostEndpoints, FindingIds.HostEndpointMissing, $"HostEndpoint/{_secondMemberEni}"),
            (CheckIds.TrustSecurityGroup, FindingIds.TrustSecurityGroupMissing, _bareMemberEni),
            (CheckIds.ForeignObjects, FindingIds.ForeignObject, "GlobalNetworkPolicy/sg-local.allow-all"),
            (CheckIds.Companions, FindingIds.CompanionMissing, "NetworkPolicy/default/sglambda-allow-from-app"),
            (CheckIds.WebhookConfigured, FindingIds.WebhookMissing, "MutatingWebhookConfiguration/sglambda-pod-security-groups"),
            (CheckIds.DeadLetterQueue, FindingIds.DeadLetters, _queueUrl),
            (CheckIds.FunctionErrors, FindingIds.FunctionErrors, ChangeHandlerLogs),
        }));
        Assert.That(trust, Does.StartWith("sg-"));
        // The human output says the same, with why and fix, and ends with the summary.
        var text = Doctor(StatusHandler.Answering(HttpStatusCode.Forbidden), "-o", "text");
        Assert.That(text.Stdout, Does.Contain($"fix: aws ec2 modify-network-interface-attribute --network-interface-id {_bareMemberEni} --groups {_appSg} {trust}"));
        Assert.That(text.Stdout.TrimEnd().Split('\n')[^1], Is.EqualTo("11 problem(s) (8 error(s), 3 warning(s)) in 9 check(s); 3 passed, 1 skipped"));
    }

    [Test]
    public void A_webhook_that_does_not_answer_is_unreachable()
    {
        // Port 1: nothing listens; the real HTTP stack fails to connect.
        Change("MutatingWebhookConfiguration", WebhookConfiguration.SgLambdaName,
            configuration => configuration["webhooks"]![0]!["clientConfig"]!["url"] = "https://127.0.0.1:1/0123456789abcdef0123456789abcdef",
            "admissionregistration.k8s.io/v1");

        var result = Doctor(probeHandler: null);

        var webhook = JsonNode.Parse(result.Stdout)!["checks"]!.AsArray().Single(c => c!["check"]!.GetValue<string>() == CheckIds.WebhookReachable)!;
        Assert.That(webhook["findings"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(FindingIds.WebhookUnreachable));
        Assert.That(webhook["findings"]![0]!["subject"]!.GetValue<string>(), Is.EqualTo("https://127.0.0.1:1/"));
    }

    [Test]
    public void The_probe_posts_without_the_secret_and_an_open_webhook_is_reported()
    {
        var handler = StatusHandler.Answering(HttpStatusCode.OK);

        var result = Doctor(handler);

        Assert.That(handler.Requests, Is.EqualTo(new[] { "POST https://abc123.lambda-url.us-west-2.on.aws/" }));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.ProblemsFound));
        Assert.That(result.Stdout, Does.Contain($"\"id\": \"{FindingIds.WebhookOpen}\"").And.Not.Contain("0123456789abcdef"));
    }

    [Test]
    public void A_queue_that_does_not_exist_is_an_aws_failure_with_exit_code_3()
    {
        var result = Doctor(StatusHandler.Answering(HttpStatusCode.Forbidden), "--dead-letter-queue-url", _queueUrl + "-missing");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Unavailable));
        Assert.That(result.Stderr, Does.StartWith("error: AWS: The specified queue does not exist."));
    }

    private CliResult Doctor(HttpMessageHandler? probeHandler, params string[] extra)
    {
        string[] args =
        [
            "--config", _config, "--kubeconfig", _kubeconfig, "--dead-letter-queue-url", _queueUrl,
            "--function-log-group", ChangeHandlerLogs, "--function-log-group", ReconcilerLogs, .. extra,
        ];
        if (!extra.Contains("-o")) args = [.. args, "-o", "json"];
        if (extra.Contains("--dead-letter-queue-url")) args = [.. args.Where((_, i) => i != 4 && i != 5)];
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var command = new DoctorCommand(probeHandler).Command;
        var exitCode = command.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private JsonObject Get(string kind, string name, string apiVersion = Api) =>
        (JsonObject)_cluster.Get(apiVersion, kind, null, name)!.DeepClone();

    private void Change(string kind, string name, Action<JsonObject> change, string apiVersion = Api)
    {
        var value = Get(kind, name, apiVersion);
        change(value);
        _cluster.Seed(value);
    }

    private void Delete(string kind, string name, string apiVersion = Api) =>
        _cluster.Registry.Delete(_cluster.Registry.Catalog.RequireKind(apiVersion, kind), null, name, null, null, dryRun: false);
}
