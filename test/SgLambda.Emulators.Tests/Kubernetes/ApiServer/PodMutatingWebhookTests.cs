using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>The emulator's call-out to a mutating webhook for pods: the review it sends, the patch it applies, the refusal it words.</summary>
public class PodMutatingWebhookTests : EmulatorTest
{
    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}""";
    private readonly List<JsonObject> _reviews = [];
    private Func<JsonObject, JsonObject> _answer = _ => [];

    private protected override KubernetesApiEmulatorOptions Options => base.Options with
    {
        PodMutatingWebhook = new PodMutatingWebhook("pods.example.io", (review, _) =>
        {
            _reviews.Add(review);
            return Task.FromResult(new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = _answer(review) });
        }, new HashSet<string>(["kube-system"], StringComparer.Ordinal), FailOpen: false),
    };

    // NUnit shares one fixture instance between tests.
    [SetUp]
    public void ForgetReviews() => _reviews.Clear();

    [Test]
    public async Task A_created_pod_is_reviewed_and_stored_with_the_webhooks_patch()
    {
        _answer = review => new JsonObject
        {
            ["uid"] = review["request"]!["uid"]!.GetValue<string>(),
            ["allowed"] = true,
            ["patchType"] = "JSONPatch",
            ["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"op":"add","path":"/metadata/labels/team","value":"a"}]""")),
        };

        var created = await Client.PostAsync("/api/v1/namespaces/default/pods", Pod);

        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Body["metadata"]!["labels"]!["team"]!.GetValue<string>(), Is.EqualTo("a"));
        var request = _reviews.Single()["request"]!;
        Assert.That((request["operation"]!.GetValue<string>(), request["namespace"]!.GetValue<string>(), request["resource"]!["resource"]!.GetValue<string>()),
            Is.EqualTo(("CREATE", "default", "pods")));
        Assert.That(request["object"]!["metadata"]!["labels"]!["app"]!.GetValue<string>(), Is.EqualTo("web"));
    }

    [Test]
    public async Task A_refusal_answers_the_webhooks_message_as_the_api_server_words_it()
    {
        _answer = review => new JsonObject
        {
            ["uid"] = review["request"]!["uid"]!.GetValue<string>(),
            ["allowed"] = false,
            ["status"] = new JsonObject { ["code"] = 403, ["message"] = "no security group claimed" },
        };

        var refused = await Client.PostAsync("/api/v1/namespaces/default/pods", Pod);

        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Text("message"), Is.EqualTo("admission webhook \"pods.example.io\" denied the request: no security group claimed"));
        Assert.That((await Client.GetAsync("/api/v1/namespaces/default/pods/web")).Code, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Pods_of_a_skipped_namespace_are_not_sent()
    {
        var created = await Client.PostAsync("/api/v1/namespaces/kube-system/pods", Pod);

        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(_reviews, Is.Empty);
    }
}
