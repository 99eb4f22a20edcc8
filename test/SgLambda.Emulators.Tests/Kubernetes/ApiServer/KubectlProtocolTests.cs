using System.Net;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>
/// What kubectl needs beyond CRUD: health checks, discovery's short names and categories, OpenAPI v3 from the
/// CRD schemas, protobuf bodies of built-in kinds, SelfSubjectAccessReviews and the read-only CRDs. The real
/// kubectl drives the same endpoints in SgLambda.Cli.Tests' KubectlConformanceTests.
/// </summary>
public class KubectlProtocolTests : EmulatorTest
{
    // The body kubectl 1.32 sent for `kubectl auth can-i create pods` in namespace default (captured from the real client).
    private const string CanICreatePodsProtobuf =
        "6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753656c665375626a656374416363657373526576696577123f0a100a0012001a0022002a0032003800420012210a1f0a0764656661756c7412066372656174651a0022002a04706f647332003a001a08080012001a0020001a002200";

    [TestCase("/healthz")]
    [TestCase("/livez")]
    [TestCase("/readyz")]
    public async Task Health_checks_answer_ok_as_text(string path)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var response = await http.GetAsync(path.TrimStart('/'));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
    }

    [Test]
    public async Task Discovery_lists_the_crds_short_names_and_categories_and_the_watch_verb()
    {
        var resources = (await Client.GetAsync("/apis/projectcalico.org/v3")).Body["resources"]!.AsArray();
        var policies = resources.Single(resource => resource!["name"]!.GetValue<string>() == "globalnetworkpolicies")!;
        var core = (await Client.GetAsync("/api/v1")).Body["resources"]!.AsArray();

        Assert.That(policies["shortNames"]!.AsArray().Select(name => name!.GetValue<string>()), Is.EqualTo(new[] { "gnp", "cgnp" }));
        Assert.That(policies["verbs"]!.AsArray().Select(verb => verb!.GetValue<string>()), Does.Contain("watch"));
        Assert.That(core.Single(resource => resource!["name"]!.GetValue<string>() == "namespaces")!["shortNames"]![0]!.GetValue<string>(), Is.EqualTo("ns"));
    }

    [Test]
    public async Task The_crds_are_listed_read_only()
    {
        var crds = await Client.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
        var create = await Client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"x.example.com"}}""");

        Assert.That(crds.Body["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()), Does.Contain("globalnetworkpolicies.projectcalico.org"));
        Assert.That(create.Code, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(create.Text("message"), Is.EqualTo("create is not supported on resources of kind \"customresourcedefinitions.apiextensions.k8s.io\""));
    }

    [Test]
    public async Task OpenApi_v3_indexes_each_group_version_and_serves_the_crd_schema_under_its_reversed_group_name()
    {
        var index = await Client.GetAsync("/openapi/v3");
        var url = index.Body["paths"]!["apis/projectcalico.org/v3"]!["serverRelativeURL"]!.GetValue<string>();
        var document = (await Client.GetAsync(url)).Body;

        var schema = document["components"]!["schemas"]!["org.projectcalico.v3.GlobalNetworkPolicy"]!;
        Assert.That(url, Does.StartWith("/openapi/v3/apis/projectcalico.org/v3?hash="));
        Assert.That(schema["x-kubernetes-group-version-kind"]![0]!.ToJsonString(), Is.EqualTo("""{"group":"projectcalico.org","kind":"GlobalNetworkPolicy","version":"v3"}"""));
        Assert.That(schema["properties"]!["spec"]!["properties"]!["tier"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(schema["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
        var patch = document["paths"]!["/apis/projectcalico.org/v3/globalnetworkpolicies/{name}"]!["patch"]!;
        Assert.That(patch["parameters"]!.AsArray().Select(parameter => parameter!["name"]!.GetValue<string>()), Does.Contain("fieldValidation"),
            "kubectl skips client-side validation only when PATCH takes fieldValidation");
        Assert.That(index.Body["paths"]!["api/v1"], Is.Not.Null);
    }

    [Test]
    public async Task A_protobuf_self_subject_access_review_is_answered_from_the_token_model()
    {
        var canCreatePods = await SendProtobufAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", Convert.FromHexString(CanICreatePodsProtobuf));
        var canCreateCrds = await Client.PostAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"create","group":"apiextensions.k8s.io","resource":"customresourcedefinitions"}}}""");

        Assert.That(canCreatePods.Code, Is.EqualTo(HttpStatusCode.Created), canCreatePods.Body.ToJsonString());
        Assert.That(canCreatePods.Body["spec"]!["resourceAttributes"]!.ToJsonString(), Is.EqualTo("""{"namespace":"default","verb":"create","resource":"pods"}"""));
        Assert.That(canCreatePods.Body["status"]!["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(canCreateCrds.Body["status"]!["allowed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_protobuf_namespace_is_created_with_its_labels()
    {
        // runtime.Unknown{typeMeta{v1, Namespace}, raw: Namespace{metadata{name "team-a", labels{env: prod}}}}, as kubectl create namespace sends it.
        byte[] label = [0x0a, 0x03, .. "env"u8, 0x12, 0x04, .. "prod"u8];
        byte[] metadata = [0x0a, 0x06, .. "team-a"u8, 0x5a, (byte)label.Length, .. label];
        byte[] namespaceMessage = [0x0a, (byte)metadata.Length, .. metadata, 0x12, 0x00];
        byte[] typeMeta = [0x0a, 0x02, .. "v1"u8, 0x12, 0x09, .. "Namespace"u8];
        byte[] body = [.. "k8s\0"u8, 0x0a, (byte)typeMeta.Length, .. typeMeta, 0x12, (byte)namespaceMessage.Length, .. namespaceMessage];

        var created = await SendProtobufAsync("/api/v1/namespaces", body);

        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created), created.Body.ToJsonString());
        Assert.That(created.Text("metadata.name"), Is.EqualTo("team-a"));
        Assert.That(created.Body["metadata"]!["labels"]!["env"]!.GetValue<string>(), Is.EqualTo("prod"));
    }

    [Test]
    public async Task A_protobuf_body_of_a_kind_the_emulator_does_not_decode_answers_415_naming_it()
    {
        byte[] typeMeta = [0x0a, 0x02, .. "v1"u8, 0x12, 0x03, .. "Pod"u8];
        byte[] body = [.. "k8s\0"u8, 0x0a, (byte)typeMeta.Length, .. typeMeta, 0x12, 0x00];

        var refused = await SendProtobufAsync("/api/v1/namespaces/default/pods", body);

        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(refused.Text("message"), Does.Contain("not v1 Pod"));
    }

    private async Task<ApiResponse> SendProtobufAsync(string path, byte[] body)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        using var response = await http.PostAsync(path.TrimStart('/'), content);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.Headers);
    }
}
