using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Core.Admission;
using SgLambda.TestSupport.Admission;
using SgLambda.Functions.Observability;
using SgLambda.Functions.Webhook;
using static SgLambda.TestSupport.Admission.AdmissionFixtures;

namespace SgLambda.Functions.Tests.Admission;

/// <summary>
/// The webhook function as the function URL calls it: the core's AdmissionReview fixtures inside function URL
/// requests; the patch, applied to the pod, gives exactly SEMANTICS.md section 3's labels; callers without the
/// secret, other methods and other payloads get no review.
/// </summary>
public sealed class AdmissionWebhookTests
{
    private StringWriter _log = null!;
    private FakeNamespaces _namespaces = null!;
    private ManualClock _clock = null!;

    public static IEnumerable<string> MalformedFixtures =>
        FixtureNames.Where(name => name.StartsWith("malformed-", StringComparison.Ordinal));

    [SetUp]
    public void Start()
    {
        _log = new StringWriter(CultureInfo.InvariantCulture);
        _namespaces = new FakeNamespaces().With("default", null);
        _clock = new ManualClock(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void Stop() => _log.Dispose();

    private AdmissionWebhook Webhook() =>
        new(Config, new CachedNamespaceReader(_namespaces, _clock, CachedNamespaceReader.DefaultLifetime),
            WebhookSecret.FromValue(EnvironmentVariables.WebhookSecret, WebhookRequests.Secret),
            new StructuredLogger(_log, LogLevel.Debug, _clock), _clock);

    private static async Task<JsonObject> InvokeAsync(AdmissionWebhook webhook, JsonObject request)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(request.ToJsonString()));
        using var output = await webhook.InvokeAsync(input, new TestLambdaContext { FunctionName = "sglambda-admission-webhook" });
        return JsonNode.Parse(output)!.AsObject();
    }

    private Task<JsonObject> InvokeAsync(JsonObject request) => InvokeAsync(Webhook(), request);

    /// <summary>The AdmissionReview in a 200 answer's body.</summary>
    private static JsonObject Review(JsonObject response)
    {
        Assert.That(response["statusCode"]!.GetValue<int>(), Is.EqualTo(200), response.ToJsonString());
        Assert.That(response["headers"]!["content-type"]!.GetValue<string>(), Is.EqualTo("application/json"));
        Assert.That(response["isBase64Encoded"]!.GetValue<bool>(), Is.False);
        return JsonNode.Parse(response["body"]!.GetValue<string>())!.AsObject();
    }

    private static void AssertNoReview(JsonObject response, int status)
    {
        Assert.That(response["statusCode"]!.GetValue<int>(), Is.EqualTo(status), response.ToJsonString());
        Assert.That(response["headers"]!["content-type"]!.GetValue<string>(), Does.StartWith("text/plain"));
        var body = response["body"]!.GetValue<string>();
        Assert.That(body, Does.Not.Contain("uid").And.Not.Contain("AdmissionReview\",").And.Not.Contain("allowed"));
    }

    [TestCaseSource(typeof(AdmissionFixtures), nameof(AdmissionFixtures.AllowedCases))]
    public async Task An_allowed_review_carries_a_patch_that_gives_exactly_the_contract_labels(AllowedCase test)
    {
        var text = WebhookRequests.Review(test.File);

        var review = Review(await InvokeAsync(WebhookRequests.Request(text)));

        var request = JsonNode.Parse(text)!["request"]!;
        Assert.That(review["apiVersion"]!.GetValue<string>(), Is.EqualTo("admission.k8s.io/v1"));
        Assert.That(review["kind"]!.GetValue<string>(), Is.EqualTo("AdmissionReview"));
        var response = review["response"]!;
        Assert.That(response["uid"]!.GetValue<string>(), Is.EqualTo(request["uid"]!.GetValue<string>()));
        Assert.That(response["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(response["patchType"]!.GetValue<string>(), Is.EqualTo("JSONPatch"));
        var patched = JsonPatchApplier.Apply(request["object"]!, response["patch"]!.GetValue<string>());
        Assert.That(JsonPatchApplier.Labels(patched), Is.EqualTo(test.Labels));
        Assert.That(review.ContainsKey("request"), Is.False, "the answer carries no request");
    }

    [Test]
    public async Task A_base64_body_is_decoded()
    {
        var review = Review(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("update-annotate.json"), base64: true)));

        var patched = JsonPatchApplier.Apply(JsonNode.Parse(WebhookRequests.Review("update-annotate.json"))!["request"]!["object"]!, review["response"]!["patch"]!.GetValue<string>());
        Assert.That(JsonPatchApplier.Labels(patched), Is.EqualTo(new[] { AppLabel, InstanceSgLabel, PodSgLabel }));
    }

    [TestCaseSource(nameof(MalformedFixtures))]
    public async Task A_malformed_annotation_is_rejected_with_the_message_of_the_decision(string file)
    {
        var text = WebhookRequests.Review(file);

        var review = Review(await InvokeAsync(WebhookRequests.Request(text)));

        var expected = PodAdmission.Decide(AdmissionFixtures.Review(file), null, Config).Response;
        var response = review["response"]!;
        Assert.That(response["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(response["status"]!["code"]!.GetValue<int>(), Is.EqualTo(400));
        Assert.That(response["status"]!["message"]!.GetValue<string>(), Is.EqualTo(expected.Status!.Message));
        Assert.That(response["patch"], Is.Null);
        Assert.That(_namespaces.Reads, Is.Zero, "a malformed claim is rejected whatever the namespace says");
    }

    [TestCase("")]
    [TestCase("/")]
    [TestCase("//")]
    public async Task A_request_without_the_secret_is_unauthorized(string path)
    {
        AssertNoReview(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("create-annotated.json"), path)), 401);
    }

    [TestCase("/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [TestCase("/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [TestCase("/0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [TestCase("/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/")]
    [TestCase("/mutate")]
    [TestCase("/x")]
    public async Task A_request_with_a_wrong_secret_is_forbidden(string path)
    {
        AssertNoReview(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("create-annotated.json"), path)), 403);
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("post")]
    public async Task Only_post_is_served(string method)
    {
        var response = await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("create-annotated.json"), method: method));

        AssertNoReview(response, 405);
        Assert.That(response["headers"]!["allow"]!.GetValue<string>(), Is.EqualTo("POST"));
    }

    [Test]
    public async Task A_caller_without_the_secret_learns_nothing_about_the_method()
    {
        AssertNoReview(await InvokeAsync(WebhookRequests.Request("", "/guess", "GET")), 403);
    }

    public static IEnumerable<TestCaseData> NotReviews()
    {
        var v1beta1 = JsonNode.Parse(WebhookRequests.Review("create-annotated.json"))!;
        v1beta1["apiVersion"] = "admission.k8s.io/v1beta1";
        yield return new TestCaseData(v1beta1.ToJsonString()).SetName("an admission.k8s.io/v1beta1 review");
        var noVersion = JsonNode.Parse(WebhookRequests.Review("create-annotated.json"))!.AsObject();
        noVersion.Remove("apiVersion");
        yield return new TestCaseData(noVersion.ToJsonString()).SetName("a review without apiVersion");
        var otherKind = JsonNode.Parse(WebhookRequests.Review("create-annotated.json"))!;
        otherKind["kind"] = "TokenReview";
        yield return new TestCaseData(otherKind.ToJsonString()).SetName("another kind");
        yield return new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""").SetName("a review without a request");
        yield return new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":""}}""").SetName("a request without a uid");
        yield return new TestCaseData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":7}}""").SetName("a uid that is no string");
        yield return new TestCaseData("not json").SetName("a body that is not JSON");
        yield return new TestCaseData("").SetName("an empty body");
        yield return new TestCaseData("[]").SetName("a JSON list");
    }

    [TestCaseSource(nameof(NotReviews))]
    public async Task Anything_but_an_admission_review_v1_is_a_bad_request(string body)
    {
        var response = await InvokeAsync(WebhookRequests.Request(body));

        AssertNoReview(response, 400);
        Assert.That(response["body"]!.GetValue<string>(), Does.Contain("expected an admission.k8s.io/v1 AdmissionReview with a request"));
    }

    [Test]
    public async Task A_body_marked_base64_that_is_not_is_a_bad_request()
    {
        var request = WebhookRequests.Request(WebhookRequests.Review("create-annotated.json"));
        request["isBase64Encoded"] = true;

        AssertNoReview(await InvokeAsync(request), 400);
    }

    [TestCase("not json at all")]
    [TestCase("[1, 2]")]
    [TestCase("""{"rawPath": 7}""")]
    public async Task An_event_that_is_not_a_function_url_request_is_a_bad_request(string text)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var output = await Webhook().InvokeAsync(input, new TestLambdaContext());

        AssertNoReview(JsonNode.Parse(output)!.AsObject(), 400);
    }

    [Test]
    public async Task A_namespace_that_allows_the_claimed_sg_admits_the_pod()
    {
        _namespaces.With("payments", $"[\"{InstanceSg}\"]").With("open", "*");

        var restricted = Review(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("create-annotated.json", "payments"))));
        var open = Review(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("create-annotated.json", "open"))));

        Assert.That(restricted["response"]!["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(open["response"]!["allowed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task A_claim_outside_the_namespace_restriction_is_rejected_with_a_clear_message()
    {
        _namespaces.With("payments", "[\"sg-0aaaaaaaaaaaaaaaa\"]");

        var review = Review(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("update-annotate.json", "payments"))));

        var response = review["response"]!;
        Assert.That(response["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(response["status"]!["message"]!.GetValue<string>(), Is.EqualTo(
            $"pods in namespace \"payments\" may not claim security group {InstanceSg}: the namespace's sglambda.io/allowed-security-groups "
            + "annotation allows only sg-0aaaaaaaaaaaaaaaa. Claim only allowed SGs, or ask a namespace admin to allow it."));
    }

    [TestCase("create-no-labels.json")]
    [TestCase("update-remove-annotation.json")]
    [TestCase("create-empty-list.json")]
    public async Task A_pod_that_claims_no_sg_is_decided_without_reading_its_namespace(string file)
    {
        _namespaces.Failure = new HttpRequestException("connection refused");

        var review = Review(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review(file))));

        Assert.That(review["response"]!["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(_namespaces.Reads, Is.Zero);
    }

    [Test]
    public async Task A_claim_whose_namespace_cannot_be_read_is_rejected_as_retryable()
    {
        _namespaces.Failure = new TimeoutException("get Namespace default: no answer within 00:00:02");

        var review = Review(await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("create-annotated.json"))));

        var response = review["response"]!;
        Assert.That(response["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(response["uid"]!.GetValue<string>(), Is.EqualTo(JsonNode.Parse(WebhookRequests.Review("create-annotated.json"))!["request"]!["uid"]!.GetValue<string>()));
        Assert.That(response["status"]!["code"]!.GetValue<int>(), Is.EqualTo(AdmissionWebhook.NamespaceUnavailableCode));
        Assert.That(response["status"]!["message"]!.GetValue<string>(), Does.Contain("could not read namespace \"default\"").And.Contain("retry"));
        Assert.That(_log.ToString(), Does.Contain("namespace unreadable").And.Contain("TimeoutException"));
    }

    [Test]
    public async Task A_namespace_is_read_once_per_cache_lifetime_and_failures_are_not_kept()
    {
        var webhook = Webhook();
        var request = WebhookRequests.Request(WebhookRequests.Review("create-annotated.json"));

        await InvokeAsync(webhook, request);
        _clock.Advance(TimeSpan.FromSeconds(29));
        await InvokeAsync(webhook, request);
        Assert.That(_namespaces.Reads, Is.EqualTo(1));

        _clock.Advance(TimeSpan.FromSeconds(2));
        _namespaces.Failure = new HttpRequestException("connection refused");
        var failed = Review(await InvokeAsync(webhook, request));
        _namespaces.Failure = null;
        var retried = Review(await InvokeAsync(webhook, request));

        Assert.That(failed["response"]!["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(retried["response"]!["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(_namespaces.Reads, Is.EqualTo(3));
    }

    [Test]
    public async Task The_log_names_the_decision_and_never_the_secret()
    {
        await InvokeAsync(WebhookRequests.Request(WebhookRequests.Review("update-annotate.json")));
        await InvokeAsync(WebhookRequests.Request("", "/" + WebhookRequests.Secret[..40]));

        var lines = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var admitted = lines.Single(l => l["message"]?.GetValue<string>() == "pod admitted with SG labels");
        Assert.That(admitted["operation"]!.GetValue<string>(), Is.EqualTo("UPDATE"));
        Assert.That(admitted["name"]!.GetValue<string>(), Is.EqualTo("nginx"));
        Assert.That(lines.Any(l => l["message"]?.GetValue<string>() == "request refused" && l["status"]!.GetValue<int>() == 403), Is.True);
        Assert.That(lines.Where(l => l["_aws"] is not null).Select(l => l["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]![0]!["Name"]!.GetValue<string>()),
            Is.EqualTo(new[] { MetricNames.PodsAdmitted, MetricNames.RequestsRefused }));
        Assert.That(_log.ToString(), Does.Not.Contain(WebhookRequests.Secret[..40]));
    }
}
