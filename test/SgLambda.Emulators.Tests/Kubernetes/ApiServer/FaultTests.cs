using System.Net;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class FaultTests : EmulatorTest
{
    [Test]
    public async Task A_scripted_429_carries_Retry_After_and_a_TooManyRequests_Status_and_changes_nothing()
    {
        Emulator.Faults.Enqueue(FaultKind.TooManyRequests, verb: "create", resource: "tiers");
        var before = Emulator.ResourceVersion;
        var throttled = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        Assert.That(throttled.Code, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(throttled.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(JsonNode.DeepEquals(throttled.Body, JsonNode.Parse("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Too many requests, please try again later.",
             "reason":"TooManyRequests","details":{"retryAfterSeconds":1},"code":429}
            """)), Is.True, throttled.Body.ToJsonString());
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(before));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);

        var retried = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        Assert.That(retried.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Emulator.Requests.Count("create", "tiers"), Is.EqualTo(2));
    }

    [TestCase(FaultKind.InternalError, HttpStatusCode.InternalServerError, "InternalError")]
    [TestCase(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    public async Task Scripted_server_errors_answer_their_Status(FaultKind fault, HttpStatusCode code, string reason)
    {
        Emulator.Faults.Enqueue(fault, count: 2);
        var first = await Client.GetAsync(Path(V1, "tiers"));
        var second = await Client.GetAsync(Path(V1, "tiers"));
        var third = await Client.GetAsync(Path(V1, "tiers"));
        Assert.That(new[] { first.Code, second.Code, third.Code }, Is.EqualTo(new[] { code, code, HttpStatusCode.OK }));
        Assert.That(first.Text("reason"), Is.EqualTo(reason));
        Assert.That(first.Text("status"), Is.EqualTo("Failure"));
    }

    [Test]
    public async Task Scripted_faults_only_hit_matching_requests()
    {
        Emulator.Faults.Enqueue(FaultKind.InternalError, verb: "delete");
        var list = await Client.GetAsync(Path(V1, "tiers"));
        Assert.That(list.Code, Is.EqualTo(HttpStatusCode.OK));
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        var delete = await Client.DeleteAsync(Path(V1, "tiers", "t"));
        Assert.That(delete.Code, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Not.Null);
    }

    [Test]
    public async Task A_delay_outlasts_the_client_timeout_and_writes_nothing()
    {
        Emulator.Faults.Delay = TimeSpan.FromSeconds(5);
        Emulator.Faults.Enqueue(FaultKind.Delay);
        using var impatient = new HttpClient { BaseAddress = Emulator.BaseUrl, Timeout = TimeSpan.FromMilliseconds(200) };
        using var content = new StringContent(Tier(V1, "t"), System.Text.Encoding.UTF8, "application/json");
        Assert.That(async () => await impatient.PostAsync(Path(V1, "tiers").TrimStart('/'), content), Throws.InstanceOf<TaskCanceledException>());
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);
    }

    [Test]
    public async Task Random_faults_are_reproducible_for_a_seed()
    {
        async Task<List<HttpStatusCode>> RunAsync()
        {
            await using var emulator = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CalicoCrdsFolder.Root, FaultSeed = 42 });
            emulator.Faults.SetProbability(FaultKind.ServiceUnavailable, 0.5);
            using var client = new EmulatorClient(emulator.BaseUrl);
            var codes = new List<HttpStatusCode>();
            for (var index = 0; index < 20; index++) codes.Add((await client.GetAsync(Path(V1, "tiers"))).Code);
            return codes;
        }
        var first = await RunAsync();
        Assert.That(first, Does.Contain(HttpStatusCode.ServiceUnavailable).And.Contain(HttpStatusCode.OK));
        Assert.That(await RunAsync(), Is.EqualTo(first));
    }

    [Test]
    public async Task Requests_are_counted_per_verb_group_and_resource()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        await Client.GetAsync(Path(V1, "tiers"));
        await Client.GetAsync(Path(V1, "tiers", "t"));
        await Client.ApplyAsync(Path(V3, "tiers", "u"), Tier(V3, "u"));
        Assert.That(Emulator.Requests.Count("create", "tiers"), Is.EqualTo(1));
        Assert.That(Emulator.Requests.Count("list", "tiers"), Is.EqualTo(1));
        Assert.That(Emulator.Requests.Count("get", "tiers"), Is.EqualTo(1));
        Assert.That(Emulator.Requests.Count("patch", "tiers", "projectcalico.org"), Is.EqualTo(1));
        Assert.That(Emulator.Requests.Count("patch", "tiers", "crd.projectcalico.org"), Is.EqualTo(0));
    }
}
