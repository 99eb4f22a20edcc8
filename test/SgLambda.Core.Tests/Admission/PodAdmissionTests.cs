using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Core.Admission;
using static SgLambda.TestSupport.Admission.AdmissionFixtures;
using SgLambda.TestSupport.Admission;

namespace SgLambda.Core.Tests.Admission;

/// <summary>
/// Each AdmissionReview fixture through <see cref="PodAdmission.Decide"/>: the returned patch, applied to
/// the pod, must give exactly SEMANTICS.md section 3's labels; malformed annotations are rejected with a
/// message that says what is wrong and shows the right form.
/// </summary>
public class PodAdmissionTests
{
    public record RejectedCase(string File, string[] MessageParts)
    {
        public override string ToString() => File;
    }

    private const string Key = "aws.tigera.io/security-groups";

    public static readonly RejectedCase[] Malformed =
    [
        new("malformed-not-json.json", [$"annotation {Key} is not JSON", $"[\"{InstanceSg}\", \"{PodSg}\"]"]),
        new("malformed-empty-string.json", [$"annotation {Key} is not JSON", "[\"sg-0123456789abcdef0\"]"]),
        new("malformed-not-a-list.json", [$"annotation {Key} must be a JSON list of SG ids, but it is a string", $"[\"{InstanceSg}\"]"]),
        new("malformed-object.json", ["must be a JSON list of SG ids, but it is an object", "[\"sg-0123456789abcdef0\"]"]),
        new("malformed-null.json", ["must be a JSON list of SG ids, but it is null"]),
        new("malformed-element-number.json", [$"element 2 of annotation {Key} is a number (12345678), not a string", "[\"sg-0123456789abcdef0\"]"]),
        new("malformed-element-list.json", [$"element 1 of annotation {Key} is a list", "not a string"]),
        new("malformed-not-sg-id.json", ["(\"instance-sg\") is not a security group id", "8 to 17 lowercase hex digits", "[\"sg-0123456789abcdef0\"]"]),
        new("malformed-short-id.json", ["(\"sg-1234567\") is not a security group id"]),
        new("malformed-uppercase-id.json", ["(\"sg-0ABC1234\") is not a security group id", "[\"sg-0abc1234\"]"]),
        new("malformed-comma-trap.json", ["holds several ids in one string", $"put each id in its own string: [\"{InstanceSg}\", \"{PodSg}\"]"]),
        new("malformed-docs-trap.json", ["put each id in its own string: [\"sg-a\", \"sg-b\"]"]),
        new("malformed-internal-sg.json", [$"names {TrustSg}, an internal SG"]),
    ];

    [TestCaseSource(typeof(AdmissionFixtures), nameof(AdmissionFixtures.AllowedCases))]
    public void Patched_pod_carries_exactly_the_derived_labels(AllowedCase testCase)
    {
        var review = Review(testCase.File);
        var decision = PodAdmission.Decide(review, null, Config);

        Assert.That(decision.Response.Allowed, Is.True, decision.Response.Status?.Message);
        Assert.That(decision.Response.PatchType, Is.EqualTo("JSONPatch"));
        Assert.That(JsonPatchApplier.Labels(Patched(review, decision)), Is.EqualTo(testCase.Labels.Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(typeof(AdmissionFixtures), nameof(AdmissionFixtures.AllowedCases))]
    public void Deciding_again_on_the_patched_pod_changes_nothing(AllowedCase testCase)
    {
        var review = Review(testCase.File);
        var patched = Patched(review, PodAdmission.Decide(review, null, Config));
        var again = review with { Request = review.Request! with { Object = JsonSerializer.SerializeToElement(patched) } };

        var decision = PodAdmission.Decide(again, null, Config);

        Assert.That(decision.Response.Allowed, Is.True);
        Assert.That(decision.Operations, Is.Empty);
        Assert.That(decision.Response.Patch, Is.Null);
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_annotations_are_rejected_with_what_is_wrong_and_the_right_form(RejectedCase testCase)
    {
        var decision = PodAdmission.Decide(Review(testCase.File), null, Config);

        Assert.That(decision.Response.Allowed, Is.False);
        Assert.That(decision.Response.Status!.Code, Is.EqualTo(400));
        Assert.That(decision.Response.Patch, Is.Null);
        foreach (var part in testCase.MessageParts)
        {
            Assert.That(decision.Response.Status.Message, Does.Contain(part));
        }
    }

    [Test]
    public void Every_fixture_is_in_a_table()
    {
        var named = AllowedCases.Select(c => c.File).Concat(Malformed.Select(c => c.File)).Append(HostNetworkFile);
        Assert.That(FixtureNames, Is.EquivalentTo(named));
    }

    private const string HostNetworkFile = "create-host-network.json";

    [Test]
    public void Host_network_pods_are_allowed_untouched_even_with_a_malformed_annotation()
    {
        var decision = PodAdmission.Decide(Review(HostNetworkFile), null, Config);

        Assert.That(decision.Response.Allowed, Is.True);
        Assert.That(decision.Response.Patch, Is.Null);
        Assert.That(decision.Response.PatchType, Is.Null);
    }

    [TestCase(null, true, null)]
    [TestCase("*", true, null)]
    [TestCase("[\"*\"]", true, null)]
    [TestCase($"[\"{InstanceSg}\"]", true, null)]
    [TestCase($"[\"{NodeSg1}\", \"{InstanceSg}\"]", true, null)]
    [TestCase($"[\"{NodeSg1}\"]", false, $"pods in namespace \"team-a\" may not claim security group {InstanceSg}: the namespace's sglambda.io/allowed-security-groups annotation allows only {NodeSg1}")]
    [TestCase("[]", false, $"may not claim security group {InstanceSg}: the namespace's sglambda.io/allowed-security-groups annotation allows none")]
    [TestCase("sg-0aaa1111bbbb2222c", false, "namespace \"team-a\" has a malformed sglambda.io/allowed-security-groups annotation")]
    public void Namespace_annotation_limits_the_claimable_groups(string? allowed, bool isAllowed, string? message)
    {
        var decision = PodAdmission.Decide(Review("create-annotated.json"), Namespace(allowed), Config);

        Assert.That(decision.Response.Allowed, Is.EqualTo(isAllowed), decision.Response.Status?.Message);
        if (message is not null) Assert.That(decision.Response.Status!.Message, Does.Contain(message));
    }

    [Test]
    public void A_namespace_allowing_no_groups_still_admits_pods_that_claim_none()
    {
        var decision = PodAdmission.Decide(Review("create-no-labels.json"), Namespace("[]"), Config);

        Assert.That(decision.Response.Allowed, Is.True);
    }

    [Test]
    public void Naming_the_pod_default_group_is_no_claim_a_namespace_restricts()
    {
        // create-duplicates names the instance SG and the pod-default SG; only the first is a claim.
        var decision = PodAdmission.Decide(Review("create-duplicates.json"), Namespace($"[\"{InstanceSg}\"]"), Config);

        Assert.That(decision.Response.Allowed, Is.True, decision.Response.Status?.Message);
    }

    [Test]
    public void Response_echoes_the_request_and_serializes_as_the_API_server_expects()
    {
        var decision = PodAdmission.Decide(Review("create-annotated.json"), null, Config);

        var json = JsonNode.Parse(JsonSerializer.Serialize(decision.Review, AdmissionJsonContext.Default.AdmissionReview))!;

        Assert.That((string?)json["apiVersion"], Is.EqualTo("admission.k8s.io/v1"));
        Assert.That((string?)json["kind"], Is.EqualTo("AdmissionReview"));
        Assert.That(json["request"], Is.Null);
        Assert.That((string?)json["response"]!["uid"], Is.EqualTo("705ab4f5-6393-11e8-b7cc-42010a800002"));
        Assert.That((bool?)json["response"]!["allowed"], Is.True);
        Assert.That((string?)json["response"]!["patchType"], Is.EqualTo("JSONPatch"));
        Assert.That(json["response"]!["status"], Is.Null);
    }

    [Test]
    public void Patch_operations_are_RFC_6902_with_escaped_label_keys()
    {
        var decision = PodAdmission.Decide(Review("update-annotate.json"), null, Config);

        var operations = JsonNode.Parse(Convert.FromBase64String(decision.Response.Patch!))!.AsArray()
            .Select(o => $"{(string?)o!["op"]} {(string?)o["path"]}").ToList();

        Assert.That(operations, Is.EqualTo(new[]
        {
            $"remove /metadata/labels/sg.aws.tigera.io~1{NodeSg1}",
            $"remove /metadata/labels/sg.aws.tigera.io~1{NodeSg2}",
            $"add /metadata/labels/sg.aws.tigera.io~1{InstanceSg}",
        }));
    }

    [Test]
    public void A_pod_without_labels_gets_the_labels_object_added()
    {
        var decision = PodAdmission.Decide(Review("create-no-labels.json"), null, Config);

        Assert.That(decision.Operations.Select(o => $"{o.Op} {o.Path}"), Is.EqualTo(new[] { "add /metadata/labels" }));
    }

    [TestCase("a~b/c", "/metadata/labels/a~0b~1c")]
    [TestCase("sg.aws.tigera.io/sg-12345678", "/metadata/labels/sg.aws.tigera.io~1sg-12345678")]
    public void Label_paths_escape_tilde_then_slash(string key, string path) =>
        Assert.That(LabelPatch.LabelPath(key), Is.EqualTo(path));

    [TestCase("DELETE")]
    [TestCase("CONNECT")]
    public void Other_operations_are_allowed_untouched(string operation)
    {
        var review = Review("malformed-not-json.json");
        var decision = PodAdmission.Decide(review with { Request = review.Request! with { Operation = operation } }, null, Config);

        Assert.That(decision.Response.Allowed, Is.True);
        Assert.That(decision.Response.Patch, Is.Null);
    }

    [Test]
    public void Objects_other_than_pods_are_allowed_untouched()
    {
        var review = Review("malformed-not-json.json");
        var notPod = review with { Request = review.Request! with { Kind = new("apps", "v1", "Deployment") } };

        var decision = PodAdmission.Decide(notPod, null, Config);

        Assert.That(decision.Response.Allowed, Is.True);
        Assert.That(decision.Response.Patch, Is.Null);
    }

    [Test]
    public void A_review_without_a_request_is_rejected()
    {
        var decision = PodAdmission.Decide(new AdmissionReview(), null, Config);

        Assert.That(decision.Response.Allowed, Is.False);
        Assert.That(decision.Response.Status!.Message, Does.Contain("no request"));
    }

    [Test]
    public void A_pod_request_without_an_object_is_rejected()
    {
        var review = Review("create-annotated.json");
        var decision = PodAdmission.Decide(review with { Request = review.Request! with { Object = null } }, null, Config);

        Assert.That(decision.Response.Allowed, Is.False);
        Assert.That(decision.Response.Status!.Code, Is.EqualTo(400));
    }

    private static NamespaceInfo Namespace(string? allowed) =>
        new("team-a", allowed is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [AdmissionKeys.AllowedSecurityGroupsAnnotation] = allowed });

    private static JsonNode Patched(AdmissionReview review, AdmissionDecision decision)
    {
        var pod = JsonNode.Parse(review.Request!.Object!.Value.GetRawText())!;
        return decision.Response.Patch is { } patch ? JsonPatchApplier.Apply(pod, patch) : pod;
    }
}
