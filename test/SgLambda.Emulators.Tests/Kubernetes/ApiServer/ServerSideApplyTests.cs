using System.Net;
using System.Text.Json.Nodes;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class ServerSideApplyTests : EmulatorTest
{
    private static readonly string SetPath = Path(V1, "globalnetworksets", "pl-1");

    private static string Applied(string labels = """{"app.kubernetes.io/managed-by":"sglambda"}""", string nets = """["10.0.0.0/8"]""") =>
        NetworkSet(V1, "pl-1", labels, nets);

    [Test]
    public async Task Apply_creates_then_an_identical_apply_is_a_no_op()
    {
        var created = await Client.ApplyAsync(SetPath, Applied(), "sglambda");
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        var entry = created.Body["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.That(entry["manager"]!.GetValue<string>(), Is.EqualTo("sglambda"));
        Assert.That(entry["operation"]!.GetValue<string>(), Is.EqualTo("Apply"));
        Assert.That(entry["fieldsV1"]!.ToJsonString(), Is.EqualTo("""{"f:metadata":{"f:labels":{"f:app.kubernetes.io/managed-by":{}}},"f:spec":{"f:nets":{}}}"""));

        var again = await Client.ApplyAsync(SetPath, Applied(), "sglambda");
        Assert.That(again.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.ResourceVersion, Is.EqualTo(created.ResourceVersion));
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(created.ResourceVersion));

        var changed = await Client.ApplyAsync(SetPath, Applied(nets: """["10.0.0.0/8","172.16.0.0/12"]"""), "sglambda");
        Assert.That(changed.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(changed.ResourceVersion, Is.Not.EqualTo(created.ResourceVersion));
        Assert.That(changed.Body["spec"]!["nets"]!.AsArray().Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Apply_accepts_YAML()
    {
        var created = await Client.ApplyAsync(SetPath, """
            apiVersion: crd.projectcalico.org/v1
            kind: GlobalNetworkSet
            metadata:
              name: pl-1
            spec:
              nets: ["10.1.0.0/16"]
            """);
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Body["spec"]!["nets"]![0]!.GetValue<string>(), Is.EqualTo("10.1.0.0/16"));
    }

    [Test]
    public async Task Apply_needs_a_field_manager()
    {
        var refused = await Client.PatchAsync(SetPath, Applied(), "application/apply-patch+yaml");
        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(JsonNode.DeepEquals(refused.Body, JsonNode.Parse("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
             "reason":"Invalid","details":{"group":"meta.k8s.io","kind":"PatchOptions",
             "causes":[{"reason":"FieldValueRequired","message":"Required value: is required for apply patch","field":"fieldManager"}]},"code":422}
            """)), Is.True, refused.Body.ToJsonString());
    }

    [Test]
    public async Task Force_is_only_for_apply()
    {
        await Client.ApplyAsync(SetPath, Applied());
        var refused = await Client.PatchAsync(SetPath + "?force=true", """{"spec":{"nets":[]}}""", "application/merge-patch+json");
        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Text("message"), Is.EqualTo("PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch"));
    }

    [Test]
    public async Task Changing_a_field_another_manager_owns_is_a_conflict_unless_forced()
    {
        await Client.ApplyAsync(SetPath, Applied(), "sglambda");
        var edited = await Client.PatchAsync(SetPath + "?fieldManager=kubectl-edit", """{"spec":{"nets":["192.168.0.0/16"]}}""", "application/merge-patch+json");
        Assert.That(edited.Code, Is.EqualTo(HttpStatusCode.OK));
        var editTime = edited.Body["metadata"]!["managedFields"]!.AsArray().Single(entry => entry!["manager"]!.GetValue<string>() == "kubectl-edit")!["time"]!.GetValue<string>();

        var conflict = await Client.ApplyAsync(SetPath, Applied(), "sglambda");
        Assert.That(conflict.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(JsonNode.DeepEquals(conflict.Body, JsonNode.Parse($$$"""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"Apply failed with 1 conflict: conflict with \"kubectl-edit\" using crd.projectcalico.org/v1 at {{{editTime}}}: .spec.nets",
             "reason":"Conflict","details":{"causes":[{"reason":"FieldManagerConflict",
             "message":"conflict with \"kubectl-edit\" using crd.projectcalico.org/v1 at {{{editTime}}}","field":".spec.nets"}]},"code":409}
            """)), Is.True, conflict.Body.ToJsonString());
        Assert.That(Emulator.Get(V1, "GlobalNetworkSet", null, "pl-1")!["spec"]!["nets"]![0]!.GetValue<string>(), Is.EqualTo("192.168.0.0/16"));

        var forced = await Client.ApplyAsync(SetPath, Applied(), "sglambda", force: true);
        Assert.That(forced.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forced.Body["spec"]!["nets"]![0]!.GetValue<string>(), Is.EqualTo("10.0.0.0/8"));
        Assert.That(forced.Body["metadata"]!["managedFields"]!.AsArray().Select(entry => entry!["manager"]!.GetValue<string>()),
            Is.EqualTo(new[] { "sglambda" }), "the forced field left kubectl-edit, which then owned nothing");
    }

    [Test]
    public async Task The_same_value_from_two_managers_is_shared_not_a_conflict()
    {
        await Client.ApplyAsync(SetPath, Applied(), "sglambda");
        var other = await Client.ApplyAsync(SetPath, Applied(), "helm");
        Assert.That(other.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(other.Body["metadata"]!["managedFields"]!.AsArray().Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Fields_an_applier_stops_applying_are_removed_unless_someone_else_owns_them()
    {
        await Client.ApplyAsync(SetPath, Applied("""{"a":"1","b":"2","d":"4"}"""), "sglambda");
        // helm applies d with the same value: shared ownership.
        await Client.ApplyAsync(SetPath, NetworkSet(V1, "pl-1", """{"d":"4"}""", """["10.0.0.0/8"]"""), "helm");
        // An update that changes b takes b over; c is new and becomes the updater's.
        await Client.PatchAsync(SetPath + "?fieldManager=someone", """{"metadata":{"labels":{"b":"changed","c":"3"}}}""", "application/merge-patch+json");

        var narrowed = await Client.ApplyAsync(SetPath, Applied("{}"), "sglambda");
        Assert.That(narrowed.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(narrowed.Body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"b":"changed","c":"3","d":"4"}"""));
    }

    [Test]
    public async Task Apply_of_another_kind_or_name_is_refused()
    {
        var wrongName = await Client.ApplyAsync(Path(V1, "globalnetworksets", "pl-2"), Applied());
        Assert.That(wrongName.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wrongName.Text("message"), Is.EqualTo("the name of the object (pl-1) does not match the name on the URL (pl-2)"));
        var wrongVersion = await Client.ApplyAsync(Path(V3, "globalnetworksets", "pl-1"), Applied());
        Assert.That(wrongVersion.Code, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
