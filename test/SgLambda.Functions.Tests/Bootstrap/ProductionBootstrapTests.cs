using System.Text;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using SgLambda.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Planning;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Emulators.Lambda;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The bootstrap in production mode, as a process (the Native AOT binary, and the JIT build): the Runtime API
/// emulator hands it events, AWS is the EC2 emulator (reached through <c>AWS_ENDPOINT_URL</c> with fake
/// credentials), the cluster is the Kubernetes API emulator with the Calico CRDs (TLS, its CA in
/// <c>SGLAMBDA_CLUSTER_CA</c>, a static <c>SGLAMBDA_CLUSTER_TOKEN</c>). What lands in the cluster must be what
/// render makes of the same AWS state.
/// </summary>
[TestFixture(BootstrapBuild.Aot)]
[TestFixture(BootstrapBuild.Jit)]
public sealed class ProductionBootstrapTests(string build)
{
    private const string ChangeHandler = "SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync";
    private const string Reconciler = "SgLambda.Functions::SgLambda.Functions.Reconciler::HandleAsync";
    private const string Token = "sglambda-function-token";
    private const string Region = "us-west-2";
    private const string CalicoApiGroupV3 = "projectcalico.org/v3";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private RuntimeApiEmulator _runtime = null!;
    private Ec2Emulator _aws = null!;
    private KubernetesApiEmulator _cluster = null!;
    private Dictionary<string, string> _environment = null!;
    private string _vpcId = "";
    private string _groupId = "";

    [OneTimeSetUp]
    public async Task BuildOnce() => await BootstrapBuild.CommandAsync(build);

    [SetUp]
    public async Task Start()
    {
        _runtime = await RuntimeApiEmulator.StartAsync();
        _aws = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 7, Region = Region });
        var vpc = _aws.Account.AddVpc("10.0.0.0/16");
        _vpcId = vpc.VpcId;
        var subnet = _aws.Account.AddSubnet(vpc.VpcId, "10.0.0.0/20");
        _groupId = _aws.Account.AddSecurityGroup(vpc.VpcId, "app").GroupId;
        var clients = _aws.Account.AddSecurityGroup(vpc.VpcId, "clients").GroupId;
        _aws.Account.AddInstance(subnet.SubnetId, [_groupId]);
        _aws.Account.AddInstance(subnet.SubnetId, [clients]);
        _aws.Events.Drain();
        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, BearerToken = Token, UseTls = true });
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentVariables.RuntimeApi] = _runtime.RuntimeApi,
            [EnvironmentVariables.FunctionName] = "sglambda",
            [EnvironmentVariables.AwsRegion] = Region,
            ["AWS_ENDPOINT_URL"] = _aws.ServiceUrl,
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            [EnvironmentVariables.VpcId] = _vpcId,
            [EnvironmentVariables.ClusterName] = "emulated",
            [EnvironmentVariables.ClusterEndpoint] = _cluster.BaseUrl.ToString(),
            [EnvironmentVariables.ClusterCertificateAuthority] = Convert.ToBase64String(Encoding.ASCII.GetBytes(_cluster.CertificateAuthorityPem!)),
            [EnvironmentVariables.ClusterToken] = Token,
            [EnvironmentVariables.LogLevel] = "Debug",
        };
    }

    [TearDown]
    public async Task Stop()
    {
        // The set-up stops before the cluster when it skips the test (no Calico CRDs on a lone clone).
        await _runtime.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private Task<BootstrapProcess> StartAsync(string handler) =>
        BootstrapProcess.StartAsync(build, new Dictionary<string, string>(_environment, StringComparer.Ordinal) { [EnvironmentVariables.Handler] = handler });

    private static async Task<RuntimeInvocationOutcome> Answer(Task<RuntimeInvocationOutcome> outcome, BootstrapProcess process)
    {
        try
        {
            return await outcome.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("no answer from the bootstrap; its output:\n" + process.Output);
            throw;
        }
    }

    private static JsonNode Response(RuntimeInvocationOutcome outcome, BootstrapProcess process)
    {
        Assert.That(outcome.Error, Is.Null, () => outcome.Error!.Body + "\n" + process.Output);
        return JsonNode.Parse(outcome.Response!)!;
    }

    private AmazonEC2Client Ec2() => new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), AwsClients.Ec2Config(new AwsClientOptions { Region = Region, Ec2ServiceUrl = _aws.ServiceUrl }));

    /// <summary>What render makes of the emulator's AWS state now, with the function's own configuration.</summary>
    private async Task<IReadOnlyList<CalicoObject>> RenderedAsync()
    {
        var config = FunctionSettingsReader.Read(name => _environment.GetValueOrDefault(name)).Config;
        using var ec2 = Ec2();
        var rds = AwsClients.CreateRdsClient(AwsClientOptions.FromEnvironment(Region, name => name == "AWS_ENDPOINT_URL" ? _aws.ServiceUrl : null), new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        var snapshot = await new Ec2Inventory(ec2, rds, config).ReadAllAsync(CancellationToken.None);
        return Translator.Render(snapshot, config).Objects;
    }

    private CalicoObject? Stored(CalicoObject rendered)
    {
        var stored = _cluster.Get(rendered.ApiVersion, rendered.Kind, rendered.Metadata.Namespace, rendered.Metadata.Name);
        return stored is null ? null : CalicoSerializer.FromJsonNode(stored);
    }

    private async Task<string> AuthorizeHttpsFromTheVpcAsync()
    {
        using var ec2 = Ec2();
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = _groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }],
        });
        return _aws.Events.Drain().Single(e => e.EventName == "AuthorizeSecurityGroupIngress").Json;
    }

    [Test]
    public async Task An_ec2_event_is_applied_to_the_cluster_as_render_makes_it_and_a_bad_event_does_not_end_the_process()
    {
        using var process = await StartAsync(ChangeHandler);
        var authorized = await AuthorizeHttpsFromTheVpcAsync();

        var applied = Response(await Answer(_runtime.Enqueue(new RuntimeInvocation(authorized) { RequestId = "req-ingress" }), process), process);

        Assert.That(applied["status"]!.GetValue<string>(), Is.EqualTo("applied"), process.Output);
        var rendered = (await RenderedAsync())
            .Where(o => o.Metadata.Name == $"sg-local.{_groupId}" || o.Metadata.Name == Core.Translation.RemoteTarget.AddressBucketOf(_groupId).PolicyName).ToList();
        Assert.That(rendered, Has.Count.EqualTo(2));
        foreach (var policy in rendered)
        {
            var stored = Stored(policy);
            Assert.That(stored, Is.Not.Null, $"{policy.Key} is not in the cluster\n{process.Output}");
            Assert.That(ObjectComparer.SameContent(policy, stored!), Is.True, $"{policy.Key} differs from render");
        }
        var local = _cluster.Get(CalicoApiGroupV3, "GlobalNetworkPolicy", null, $"sg-local.{_groupId}")!;
        Assert.That(local["spec"]!["ingress"]!.ToJsonString(), Does.Contain("443"));
        Assert.That(local["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>(), Is.EqualTo("sglambda"));

        var malformed = Response(await Answer(_runtime.Enqueue("not json at all"), process), process);
        Assert.That(malformed["status"]!.GetValue<string>(), Is.EqualTo("skipped"));

        var replayed = Response(await Answer(_runtime.Enqueue(authorized), process), process);
        Assert.That(replayed["status"]!.GetValue<string>(), Is.EqualTo("unchanged"));
        Assert.That(process.Output, Does.Contain("\"requestId\":\"req-ingress\""));

        await _runtime.DisposeAsync();
        Assert.That(await process.ExitCodeAsync(Patience), Is.EqualTo(Lambda.LambdaBootstrap.RuntimeApiFailedExitCode), process.Output);
    }

    [Test]
    public async Task A_cluster_that_refuses_the_token_is_an_invocation_error_and_the_next_invocation_is_served()
    {
        _environment[EnvironmentVariables.ClusterToken] = "not-the-token";
        using var process = await StartAsync(ChangeHandler);
        var authorized = await AuthorizeHttpsFromTheVpcAsync();

        var refused = await Answer(_runtime.Enqueue(authorized), process);

        Assert.That(refused.Error, Is.Not.Null, process.Output);
        Assert.That(refused.Error!.ErrorType, Is.EqualTo("KubernetesRequestException"));
        Assert.That(JsonNode.Parse(refused.Error.Body)!["errorMessage"]!.GetValue<string>(), Does.Contain("401"));
        var malformed = Response(await Answer(_runtime.Enqueue("{}"), process), process);
        Assert.That(malformed["status"]!.GetValue<string>(), Is.EqualTo("skipped"));
    }

    [Test]
    public async Task The_reconciler_writes_everything_render_makes_and_then_has_nothing_to_do()
    {
        using var process = await StartAsync(Reconciler);

        var first = Response(await Answer(_runtime.Enqueue("""{"source":"aws.events","detail-type":"Scheduled Event"}"""), process), process);

        Assert.That(first["status"]!.GetValue<string>(), Is.EqualTo("applied"), process.Output);
        var rendered = await RenderedAsync();
        Assert.That(rendered.Select(o => o.Kind).Distinct(), Is.SupersetOf(new[] { "Tier", "GlobalNetworkPolicy", "HostEndpoint" }));
        foreach (var value in rendered)
        {
            var stored = Stored(value);
            Assert.That(stored, Is.Not.Null, $"{value.Key} is not in the cluster\n{process.Output}");
            Assert.That(ObjectComparer.SameContent(value, stored!), Is.True, $"{value.Key} differs from render");
        }
        Assert.That(first["applied"]!.GetValue<int>(), Is.EqualTo(rendered.Count));

        var version = _cluster.ResourceVersion;
        var second = Response(await Answer(_runtime.Enqueue("{}"), process), process);
        Assert.That(second["status"]!.GetValue<string>(), Is.EqualTo("unchanged"), process.Output);
        Assert.That(_cluster.ResourceVersion, Is.EqualTo(version));
    }

    [Test]
    public async Task The_cluster_can_come_from_the_ssm_parameter_with_eks_tokens_from_the_functions_credentials()
    {
        // An emulator that takes any bearer token, as the EKS token cannot be known in advance.
        await _cluster.DisposeAsync();
        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, UseTls = true });
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(_cluster.CertificateAuthorityPem!));
        using var ssm = new SsmParameterStub("/sglambda/cluster", new JsonObject { ["endpoint"] = _cluster.BaseUrl.ToString(), ["certificateAuthority"] = ca }.ToJsonString());
        _environment.Remove(EnvironmentVariables.ClusterEndpoint);
        _environment.Remove(EnvironmentVariables.ClusterCertificateAuthority);
        _environment.Remove(EnvironmentVariables.ClusterToken);
        _environment[EnvironmentVariables.ClusterSsmParameter] = "/sglambda/cluster";
        _environment["AWS_ENDPOINT_URL_SSM"] = ssm.Url;
        using var process = await StartAsync(Reconciler);

        var reconciled = Response(await Answer(_runtime.Enqueue("{}"), process), process);

        Assert.That(reconciled["status"]!.GetValue<string>(), Is.EqualTo("applied"), process.Output);
        Assert.That(ssm.Asked, Is.EqualTo(new[] { "/sglambda/cluster" }), "read once, at cold start");
        Assert.That(_cluster.Get(CalicoApiGroupV3, "GlobalNetworkPolicy", null, $"sg-local.{_groupId}"), Is.Not.Null);
    }

    [Test]
    public async Task A_cluster_that_is_not_eks_takes_the_bearer_token_from_the_ssm_parameter()
    {
        // The setup's emulator accepts only Token; the parameter is the one place the function learns it.
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(_cluster.CertificateAuthorityPem!));
        using var ssm = new SsmParameterStub("/sglambda/cluster",
            new JsonObject { ["endpoint"] = _cluster.BaseUrl.ToString(), ["certificateAuthority"] = ca, ["token"] = Token }.ToJsonString());
        _environment.Remove(EnvironmentVariables.ClusterEndpoint);
        _environment.Remove(EnvironmentVariables.ClusterCertificateAuthority);
        _environment.Remove(EnvironmentVariables.ClusterToken);
        _environment[EnvironmentVariables.ClusterSsmParameter] = "/sglambda/cluster";
        _environment["AWS_ENDPOINT_URL_SSM"] = ssm.Url;
        using var process = await StartAsync(Reconciler);

        var reconciled = Response(await Answer(_runtime.Enqueue("{}"), process), process);

        Assert.That(reconciled["status"]!.GetValue<string>(), Is.EqualTo("applied"), process.Output);
        Assert.That(_cluster.Get(CalicoApiGroupV3, "GlobalNetworkPolicy", null, $"sg-local.{_groupId}"), Is.Not.Null);
    }

    [Test]
    public async Task A_missing_ssm_parameter_is_an_init_error_naming_the_variable()
    {
        using var ssm = new SsmParameterStub("/sglambda/cluster", "{}");
        _environment.Remove(EnvironmentVariables.ClusterEndpoint);
        _environment[EnvironmentVariables.ClusterSsmParameter] = "/sglambda/other";
        _environment["AWS_ENDPOINT_URL_SSM"] = ssm.Url;
        using var process = await StartAsync(ChangeHandler);

        var error = await _runtime.InitError.WaitAsync(Patience);

        Assert.That(error.ErrorType, Is.EqualTo("ConfigurationException"), process.Output);
        Assert.That(JsonNode.Parse(error.Body)!["errorMessage"]!.GetValue<string>(),
            Does.StartWith($"{EnvironmentVariables.ClusterSsmParameter}: parameter /sglambda/other:"));
        Assert.That(await process.ExitCodeAsync(Patience), Is.EqualTo(Lambda.LambdaBootstrap.InitFailedExitCode), process.Output);
    }
}
