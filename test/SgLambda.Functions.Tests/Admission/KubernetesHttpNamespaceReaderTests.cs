using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Webhook;
using SgLambda.Kubernetes;
using static SgLambda.TestSupport.Admission.AdmissionFixtures;

namespace SgLambda.Functions.Tests.Admission;

/// <summary>
/// The namespace restriction end to end over HTTP: the webhook reads the pod's Namespace from the Kubernetes API
/// emulator through <see cref="KubernetesHttpNamespaceReader"/> (bearer token, the API's Namespace shape).
/// </summary>
public sealed class KubernetesHttpNamespaceReaderTests
{
    private const string Token = "sglambda-webhook-token";
    private KubernetesApiEmulator _cluster = null!;
    private KubernetesHttpApi _api = null!;
    private StringWriter _log = null!;

    [SetUp]
    public async Task Start()
    {
        _cluster = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token, InitialNamespaces = ["kube-system"] });
        _api = new KubernetesHttpApi(_cluster.BaseUrl, null, new StaticTokenSource(Token));
        _log = new StringWriter(CultureInfo.InvariantCulture);
        _cluster.Seed(Namespace("payments", new JsonObject { ["sglambda.io/allowed-security-groups"] = "[\"sg-0aaaaaaaaaaaaaaaa\"]", ["team"] = "payments" }));
        _cluster.Seed(Namespace("shop", new JsonObject { ["sglambda.io/allowed-security-groups"] = $"[\"{InstanceSg}\"]" }));
        _cluster.Seed(Namespace("open", null));
    }

    [TearDown]
    public async Task Stop()
    {
        _api.Dispose();
        _log.Dispose();
        await _cluster.DisposeAsync();
    }

    private static JsonObject Namespace(string name, JsonObject? annotations)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (annotations is not null) metadata["annotations"] = annotations;
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata };
    }

    private async Task<JsonNode> ResponseAsync(string objectNamespace, string file = "create-annotated.json")
    {
        var webhook = new AdmissionWebhook(Config, new KubernetesHttpNamespaceReader(_api),
            WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, WebhookRequests.Secret),
            new StructuredLogger(_log, LogLevel.Debug, TimeProvider.System), TimeProvider.System);
        var request = WebhookRequests.Request(WebhookRequests.Review(file, objectNamespace));
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(request.ToJsonString()));
        using var output = await webhook.InvokeAsync(input, new TestLambdaContext());
        var http = JsonNode.Parse(output)!;
        Assert.That(http["statusCode"]!.GetValue<int>(), Is.EqualTo(200), http.ToJsonString());
        return JsonNode.Parse(http["body"]!.GetValue<string>())!["response"]!;
    }

    [Test]
    public async Task The_reader_returns_the_namespace_annotations()
    {
        var read = await new KubernetesHttpNamespaceReader(_api).GetNamespaceAsync("payments", CancellationToken.None);

        Assert.That(read.Name, Is.EqualTo("payments"));
        Assert.That(read.Annotations, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["sglambda.io/allowed-security-groups"] = "[\"sg-0aaaaaaaaaaaaaaaa\"]",
            ["team"] = "payments",
        }));
        Assert.That(_cluster.Requests.Count("get", "namespaces"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_claim_the_namespace_allows_is_admitted_and_one_it_does_not_is_rejected()
    {
        var shop = await ResponseAsync("shop");
        var open = await ResponseAsync("open");
        var payments = await ResponseAsync("payments");

        Assert.That(shop["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(open["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(payments["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(payments["status"]!["message"]!.GetValue<string>(), Does.StartWith($"pods in namespace \"payments\" may not claim security group {InstanceSg}"));
    }

    [Test]
    public async Task A_namespace_the_webhook_may_not_read_fails_closed_for_claims_only()
    {
        _api.Dispose();
        _api = new KubernetesHttpApi(_cluster.BaseUrl, null, new StaticTokenSource("not-the-token"));

        var claim = await ResponseAsync("shop");
        var noClaim = await ResponseAsync("shop", "create-no-labels.json");

        Assert.That(claim["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(claim["status"]!["code"]!.GetValue<int>(), Is.EqualTo(503));
        Assert.That(claim["status"]!["message"]!.GetValue<string>(), Does.Contain("could not read namespace \"shop\""));
        Assert.That(_log.ToString(), Does.Contain("401"));
        Assert.That(noClaim["allowed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task A_slow_api_server_is_given_up_on_within_the_webhook_timeout()
    {
        _cluster.Faults.Delay = TimeSpan.FromSeconds(30);
        _cluster.Faults.Enqueue(FaultKind.Delay, count: 5, verb: "get", resource: "namespaces");
        var started = TimeProvider.System.GetTimestamp();

        var claim = await ResponseAsync("shop");

        Assert.That(claim["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(TimeProvider.System.GetElapsedTime(started), Is.LessThan(TimeSpan.FromSeconds(8)), "the API server waits 10 s");
    }
}
