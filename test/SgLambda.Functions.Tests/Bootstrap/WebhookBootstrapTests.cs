using System.Text;
using System.Text.Json.Nodes;
using SgLambda.TestSupport.Admission;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Emulators.Lambda;
using SgLambda.Functions.Tests.Admission;
using static SgLambda.TestSupport.Admission.AdmissionFixtures;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The admission webhook in the bootstrap process (the Native AOT binary, and the JIT build), as Lambda runs it
/// behind the function URL: the Runtime API emulator hands it function URL requests, its secret comes from the
/// SSM parameter (a loopback GetParameter stub) at cold start, and it reads Namespaces from the Kubernetes API
/// emulator over TLS with a static token.
/// </summary>
[TestFixture(BootstrapBuild.Aot)]
[TestFixture(BootstrapBuild.Jit)]
public sealed class WebhookBootstrapTests(string build)
{
    private const string Handler = "SgLambda.Functions::SgLambda.Functions.AdmissionWebhook::HandleAsync";
    private const string Token = "sglambda-webhook-token";
    private const string SecretParameter = "/sglambda/webhook-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private RuntimeApiEmulator _runtime = null!;
    private KubernetesApiEmulator _cluster = null!;
    private Dictionary<string, string> _environment = null!;

    [OneTimeSetUp]
    public async Task BuildOnce() => await BootstrapBuild.CommandAsync(build);

    [SetUp]
    public async Task Start()
    {
        _runtime = await RuntimeApiEmulator.StartAsync();
        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token, UseTls = true });
        _cluster.Seed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = "payments",
                ["annotations"] = new JsonObject { ["sglambda.io/allowed-security-groups"] = "[\"sg-0aaaaaaaaaaaaaaaa\"]" },
            },
        });
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentVariables.RuntimeApi] = _runtime.RuntimeApi,
            [EnvironmentVariables.FunctionName] = "sglambda-admission-webhook",
            [EnvironmentVariables.AwsRegion] = "us-west-2",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            [EnvironmentVariables.VpcId] = Config.VpcId,
            [EnvironmentVariables.ClusterName] = "emulated",
            [EnvironmentVariables.ClusterEndpoint] = _cluster.BaseUrl.ToString(),
            [EnvironmentVariables.ClusterCertificateAuthority] = Convert.ToBase64String(Encoding.ASCII.GetBytes(_cluster.CertificateAuthorityPem!)),
            [EnvironmentVariables.ClusterToken] = Token,
            [EnvironmentVariables.PodSecurityGroupId] = PodSg,
            [EnvironmentVariables.NodeSecurityGroupIds] = $"{NodeSg1},{NodeSg2}",
            [EnvironmentVariables.TrustSecurityGroupId] = TrustSg,
            [EnvironmentVariables.EnforcedSecurityGroupId] = EnforcedSg,
            [EnvironmentVariables.WebhookSecretSsmParameter] = SecretParameter,
            [EnvironmentVariables.LogLevel] = "Debug",
        };
    }

    [TearDown]
    public async Task Stop()
    {
        await _runtime.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private Task<BootstrapProcess> StartAsync() =>
        BootstrapProcess.StartAsync(build, new Dictionary<string, string>(_environment, StringComparer.Ordinal) { [EnvironmentVariables.Handler] = Handler });

    private async Task<JsonObject> InvokeAsync(JsonObject request, BootstrapProcess process)
    {
        RuntimeInvocationOutcome outcome;
        try
        {
            outcome = await _runtime.Enqueue(request.ToJsonString()).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("no answer from the bootstrap; its output:\n" + process.Output);
            throw;
        }
        Assert.That(outcome.Error, Is.Null, () => outcome.Error!.Body + "\n" + process.Output);
        return JsonNode.Parse(outcome.Response!)!.AsObject();
    }

    private static JsonNode Answer(JsonObject http) =>
        JsonNode.Parse(http["body"]!.GetValue<string>())!["response"]!;

    [Test]
    public async Task The_webhook_patches_an_annotated_pod_refuses_a_stranger_and_applies_the_namespace_restriction()
    {
        using var ssm = new SsmParameterStub(SecretParameter, WebhookRequests.Secret);
        _environment["AWS_ENDPOINT_URL_SSM"] = ssm.Url;
        using var process = await StartAsync();
        var annotate = WebhookRequests.Review("update-annotate.json");

        var admitted = await InvokeAsync(WebhookRequests.Request(annotate), process);
        var stranger = await InvokeAsync(WebhookRequests.Request(annotate, "/not-the-secret"), process);
        var restricted = await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("update-annotate.json", "payments")), process);

        Assert.That(admitted["statusCode"]!.GetValue<int>(), Is.EqualTo(200), process.Output);
        var patched = JsonPatchApplier.Apply(JsonNode.Parse(annotate)!["request"]!["object"]!, Answer(admitted)["patch"]!.GetValue<string>());
        Assert.That(JsonPatchApplier.Labels(patched), Is.EqualTo(new[] { "app=nginx", Label(InstanceSg) + "=", Label(PodSg) + "=" }));
        Assert.That(stranger["statusCode"]!.GetValue<int>(), Is.EqualTo(403));
        Assert.That(Answer(restricted)["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(Answer(restricted)["status"]!["message"]!.GetValue<string>(), Does.StartWith("pods in namespace \"payments\" may not claim"));
        Assert.That(ssm.Asked, Is.EqualTo(new[] { SecretParameter }), "read once, at cold start");
        Assert.That(_cluster.Requests.Count("get", "namespaces"), Is.EqualTo(2), "default and payments, once each");
        Assert.That(process.Output, Does.Not.Contain(WebhookRequests.Secret));
    }

    [Test]
    public async Task A_short_secret_is_an_init_error_naming_the_variable()
    {
        using var ssm = new SsmParameterStub(SecretParameter, "changeme");
        _environment["AWS_ENDPOINT_URL_SSM"] = ssm.Url;
        using var process = await StartAsync();

        var error = await _runtime.InitError.WaitAsync(Patience);

        Assert.That(error.ErrorType, Is.EqualTo("ConfigurationException"), process.Output);
        Assert.That(JsonNode.Parse(error.Body)!["errorMessage"]!.GetValue<string>(), Does.StartWith(
            $"{EnvironmentVariables.WebhookSecretSsmParameter}: parameter {SecretParameter}: the webhook secret must be at least 32 characters, got 8"));
        Assert.That(await process.ExitCodeAsync(Patience), Is.EqualTo(Lambda.LambdaBootstrap.InitFailedExitCode), process.Output);
    }
}
