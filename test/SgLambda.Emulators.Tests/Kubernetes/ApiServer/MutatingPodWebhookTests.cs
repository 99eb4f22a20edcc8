using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>
/// The API server's call to a mutating webhook for pods (AdmissionReview v1, as the Kubernetes "Dynamic Admission
/// Control" page shows it): the review sent, the JSONPatch applied, a denial refused, excluded namespaces skipped and
/// <c>failurePolicy: Ignore</c> honoured.
/// </summary>
public class MutatingPodWebhookTests : EmulatorTest
{
    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"nginx"}]}}""";
    private readonly List<JsonObject> _reviews = [];

    /// <summary>NUnit runs every test on the same fixture instance.</summary>
    [SetUp]
    public void ForgetReviews() => _reviews.Clear();

    /// <summary>Labels every pod <c>sg.aws.tigera.io/sg-0a1</c>, or denies when its name is <c>deny</c>.</summary>
    private Task<JsonObject> Labeller(JsonObject review, CancellationToken cancellationToken)
    {
        _reviews.Add(review);
        var request = review["request"]!;
        var uid = request["uid"]!.GetValue<string>();
        if (request["name"]?.GetValue<string>() == "deny")
            return Task.FromResult(Answer(new JsonObject { ["uid"] = uid, ["allowed"] = false, ["status"] = new JsonObject { ["code"] = 403, ["message"] = "not this one" } }));
        var patch = """[{"op":"add","path":"/metadata/labels/sg.aws.tigera.io~1sg-0a1","value":""}]""";
        return Task.FromResult(Answer(new JsonObject
        {
            ["uid"] = uid,
            ["allowed"] = true,
            ["patchType"] = "JSONPatch",
            ["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch)),
        }));
    }

    private static JsonObject Answer(JsonObject response) =>
        new() { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };

    [Test]
    public async Task A_created_pod_is_stored_as_the_webhook_patched_it_after_a_v1_review()
    {
        Emulator.PodWebhook = new MutatingPodWebhook("pods.test", Labeller);

        var created = await Client.PostAsync("/api/v1/namespaces/default/pods", Pod);

        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"app":"web","sg.aws.tigera.io/sg-0a1":""}"""));
        var request = _reviews.Single()["request"]!;
        Assert.That((_reviews[0]["apiVersion"]!.GetValue<string>(), request["operation"]!.GetValue<string>(), request["namespace"]!.GetValue<string>()),
            Is.EqualTo(("admission.k8s.io/v1", "CREATE", "default")));
        Assert.That(request["kind"]!.ToJsonString(), Is.EqualTo("""{"group":"","version":"v1","kind":"Pod"}"""));
        Assert.That(request["resource"]!.ToJsonString(), Is.EqualTo("""{"group":"","version":"v1","resource":"pods"}"""));
        Assert.That(request["oldObject"], Is.Null);
    }

    [Test]
    public async Task An_empty_merge_patch_is_an_update_the_webhook_answers()
    {
        Emulator.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},"spec":{},"status":{"phase":"Running","podIP":"10.0.1.20"}}""");
        Emulator.PodWebhook = new MutatingPodWebhook("pods.test", Labeller);

        var patched = await Client.PatchAsync("/api/v1/namespaces/default/pods/web", "{}", "application/merge-patch+json");

        Assert.That(patched.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(patched.Body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"app":"web","sg.aws.tigera.io/sg-0a1":""}"""));
        Assert.That(patched.Text("status.podIP"), Is.EqualTo("10.0.1.20"));
        Assert.That(_reviews.Single()["request"]!["operation"]!.GetValue<string>(), Is.EqualTo("UPDATE"));
        Assert.That(_reviews[0]["request"]!["oldObject"]!["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"app":"web"}"""));
    }

    [Test]
    public async Task A_denial_refuses_the_write_with_the_webhooks_message()
    {
        Emulator.PodWebhook = new MutatingPodWebhook("pods.test", Labeller);

        var refused = await Client.PostAsync("/api/v1/namespaces/default/pods", Pod.Replace("\"web\"", "\"deny\"", StringComparison.Ordinal));

        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Text("message"), Is.EqualTo("admission webhook \"pods.test\" denied the request: not this one"));
        Assert.That((await Client.GetAsync("/api/v1/namespaces/default/pods/deny")).Code, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Excluded_namespaces_are_not_sent_and_a_failing_webhook_fails_open_unless_told_to_fail()
    {
        Emulator.PodWebhook = new MutatingPodWebhook("pods.test", Labeller) { ExcludedNamespaces = new HashSet<string> { "kube-system" } };
        var exempt = await Client.PostAsync("/api/v1/namespaces/kube-system/pods", Pod);
        Assert.That((exempt.Code, _reviews.Count), Is.EqualTo((HttpStatusCode.Created, 0)));

        Emulator.PodWebhook = new MutatingPodWebhook("pods.test", (_, _) => throw new HttpRequestException("context deadline exceeded"));
        var openly = await Client.PostAsync("/api/v1/namespaces/default/pods", Pod);
        Assert.That(openly.Code, Is.EqualTo(HttpStatusCode.Created), "failurePolicy: Ignore");
        Assert.That(openly.Body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"app":"web"}"""));

        Emulator.PodWebhook = Emulator.PodWebhook with { FailOpen = false };
        var closed = await Client.PostAsync("/api/v1/namespaces/default/pods", Pod.Replace("\"web\"", "\"web2\"", StringComparison.Ordinal));
        Assert.That(closed.Code, Is.EqualTo(HttpStatusCode.InternalServerError), "failurePolicy: Fail");
        Assert.That(closed.Text("message"), Does.Contain("failed calling webhook \"pods.test\": context deadline exceeded"));
    }
}
