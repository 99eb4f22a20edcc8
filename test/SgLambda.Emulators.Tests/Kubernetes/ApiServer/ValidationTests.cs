using System.Net;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>How validator findings reach the client: 422 Invalid with causes, or unknown fields by fieldValidation.</summary>
public class ValidationTests : EmulatorTest
{
    /// <summary>Rejects negative tier orders and reports (and prunes) spec.unknown, as a CRD schema would.</summary>
    private sealed class OrderValidator : IObjectValidator
    {
        public ObjectValidation Validate(ApiResource resource, JsonObject candidate, JsonObject? existing)
        {
            var errors = new List<StatusCause>();
            if (candidate["spec"]?["order"]?.GetValue<double>() < 0)
                errors.Add(new StatusCause("FieldValueInvalid", "Invalid value: -1: spec.order in body should be greater than or equal to 0", "spec.order"));
            var stored = (JsonObject)candidate.DeepClone();
            var unknown = new List<string>();
            if ((stored["spec"] as JsonObject)?.Remove("unknown") == true) unknown.Add("spec.unknown");
            return new ObjectValidation(stored, errors, unknown);
        }
    }

    private protected override KubernetesApiEmulatorOptions Options => base.Options with { Validator = new OrderValidator() };

    [Test]
    public async Task Invalid_objects_are_422_with_the_field_and_nothing_is_stored()
    {
        var invalid = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t", -1));
        Assert.That(invalid.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(JsonNode.DeepEquals(invalid.Body, JsonNode.Parse("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"Tier.crd.projectcalico.org \"t\" is invalid: spec.order: Invalid value: -1: spec.order in body should be greater than or equal to 0",
             "reason":"Invalid","details":{"name":"t","group":"crd.projectcalico.org","kind":"Tier",
             "causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1: spec.order in body should be greater than or equal to 0","field":"spec.order"}]},"code":422}
            """)), Is.True, invalid.Body.ToJsonString());
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);
    }

    [Test]
    public async Task Updates_patches_and_applies_are_validated_too()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t", 1));
        var put = await Client.PutAsync(Path(V1, "tiers", "t"), Tier(V1, "t", -1));
        Assert.That(put.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity), put.Body.ToJsonString());
        Assert.That((await Client.PatchAsync(Path(V1, "tiers", "t"), """{"spec":{"order":-1}}""", "application/merge-patch+json")).Code,
            Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await Client.ApplyAsync(Path(V1, "tiers", "t"), Tier(V1, "t", -1), force: true)).Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Emulator.Get(V1, "Tier", null, "t")!["spec"]!["order"]!.GetValue<double>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Unknown_fields_are_pruned_with_a_warning_by_default_and_refused_when_strict()
    {
        var body = JsonNode.Parse(Tier(V1, "t"))!.AsObject();
        body["spec"]!["unknown"] = true;
        var warned = await Client.PostAsync(Path(V1, "tiers"), body.ToJsonString());
        Assert.That(warned.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(warned.Headers.GetValues("Warning"), Is.EqualTo(new[] { "299 - \"unknown field \\\"spec.unknown\\\"\"" }));
        Assert.That(warned.Body["spec"]!["unknown"], Is.Null);

        body["metadata"]!["name"] = "u";
        var strict = await Client.PostAsync(Path(V1, "tiers") + "?fieldValidation=Strict", body.ToJsonString());
        Assert.That(strict.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(strict.Text("message"), Is.EqualTo("strict decoding error: unknown field \"spec.unknown\""));
    }
}
