using System.Net;
using System.Text.Json.Nodes;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class CrudTests : EmulatorTest
{
    private static JsonNode? Json(string text) => JsonNode.Parse(text);

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Create_sets_the_system_fields_and_get_returns_the_object(string apiVersion)
    {
        var created = await Client.PostAsync(Path(apiVersion, "tiers") + "?fieldManager=tester", Tier(apiVersion, "sg-local", 106));
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Text("kind"), Is.EqualTo("Tier"));
        Assert.That(created.Text("apiVersion"), Is.EqualTo(apiVersion));
        Assert.That(created.Text("metadata.uid"), Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        Assert.That(created.Text("metadata.creationTimestamp"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(created.Text("metadata.generation"), Is.EqualTo("1"));
        Assert.That(created.ResourceVersion, Is.EqualTo(Emulator.ResourceVersion));
        Assert.That(created.Body["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>(), Is.EqualTo("tester"));
        Assert.That(created.Body["metadata"]!["managedFields"]![0]!["operation"]!.GetValue<string>(), Is.EqualTo("Update"));

        var fetched = await Client.GetAsync(Path(apiVersion, "tiers", "sg-local"));
        Assert.That(fetched.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.DeepEquals(fetched.Body, created.Body), Is.True);
    }

    [Test]
    public async Task Get_of_a_missing_object_is_the_API_servers_NotFound_Status()
    {
        var missing = await Client.GetAsync(Path(V1, "tiers", "nope"));
        Assert.That(missing.Code, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.DeepEquals(missing.Body, Json("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"tiers.crd.projectcalico.org \"nope\" not found",
             "reason":"NotFound","details":{"name":"nope","group":"crd.projectcalico.org","kind":"tiers"},"code":404}
            """)), Is.True, missing.Body.ToJsonString());
    }

    [Test]
    public async Task Creating_an_existing_object_is_AlreadyExists()
    {
        await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "sg-remote"));
        var again = await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "sg-remote"));
        Assert.That(again.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(JsonNode.DeepEquals(again.Body, Json("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"tiers.projectcalico.org \"sg-remote\" already exists",
             "reason":"AlreadyExists","details":{"name":"sg-remote","group":"projectcalico.org","kind":"tiers"},"code":409}
            """)), Is.True, again.Body.ToJsonString());
    }

    [Test]
    public async Task A_resourceVersion_on_create_is_refused_without_a_write()
    {
        var before = Emulator.ResourceVersion;
        var body = Json(Tier(V1, "t"))!.AsObject();
        body["metadata"]!["resourceVersion"] = "5";
        var refused = await Client.PostAsync(Path(V1, "tiers"), body.ToJsonString());
        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(refused.Text("message"), Is.EqualTo("resourceVersion should not be set on objects to be created"));
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(before));
    }

    [Test]
    public async Task Update_with_a_stale_resourceVersion_is_Conflict_and_changes_nothing()
    {
        var created = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "sg-local", 106));
        var first = created.Body.DeepClone().AsObject();
        first["spec"]!["order"] = 50;
        var updated = await Client.PutAsync(Path(V1, "tiers", "sg-local"), first.ToJsonString());
        Assert.That(updated.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(updated.ResourceVersion, Is.Not.EqualTo(created.ResourceVersion));

        var stale = created.Body.DeepClone().AsObject();
        stale["spec"]!["order"] = 70;
        var conflict = await Client.PutAsync(Path(V1, "tiers", "sg-local"), stale.ToJsonString());
        Assert.That(conflict.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(conflict.Text("reason"), Is.EqualTo("Conflict"));
        Assert.That(conflict.Text("message"), Is.EqualTo(
            "Operation cannot be fulfilled on tiers.crd.projectcalico.org \"sg-local\": the object has been modified; please apply your changes to the latest version and try again"));
        Assert.That(Emulator.Get(V1, "Tier", null, "sg-local")!["spec"]!["order"]!.GetValue<double>(), Is.EqualTo(50));
    }

    [Test]
    public async Task Update_without_a_resourceVersion_is_unconditional()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t", 1));
        var updated = await Client.PutAsync(Path(V1, "tiers", "t"), Tier(V1, "t", 2));
        Assert.That(updated.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(updated.Text("spec.order"), Is.EqualTo("2"));
    }

    [Test]
    public async Task Update_of_a_missing_object_is_NotFound_and_creates_nothing()
    {
        var missing = await Client.PutAsync(Path(V1, "tiers", "t"), Tier(V1, "t"));
        Assert.That(missing.Code, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);
    }

    [Test]
    public async Task Update_whose_name_differs_from_the_URL_is_BadRequest()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        var wrong = await Client.PutAsync(Path(V1, "tiers", "t"), Tier(V1, "u"));
        Assert.That(wrong.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wrong.Text("message"), Is.EqualTo("the name of the object (u) does not match the name on the URL (t)"));
    }

    [Test]
    public async Task An_update_that_changes_nothing_is_not_a_write()
    {
        var created = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        var same = await Client.PutAsync(Path(V1, "tiers", "t"), created.Body.ToJsonString());
        Assert.That(same.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(same.ResourceVersion, Is.EqualTo(created.ResourceVersion));
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(created.ResourceVersion));
    }

    [Test]
    public async Task Generation_counts_spec_changes_only()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t", 1));
        var relabelled = await Client.PatchAsync(Path(V1, "tiers", "t"), """{"metadata":{"labels":{"team":"net"}}}""", "application/merge-patch+json");
        Assert.That(relabelled.Text("metadata.generation"), Is.EqualTo("1"));
        var reordered = await Client.PatchAsync(Path(V1, "tiers", "t"), """{"spec":{"order":2}}""", "application/merge-patch+json");
        Assert.That(reordered.Text("metadata.generation"), Is.EqualTo("2"));
    }

    [Test]
    public async Task Merge_patch_and_json_patch_change_the_object()
    {
        await Client.PostAsync(Path(V1, "globalnetworksets"), NetworkSet(V1, "pl-1", """{"a":"1"}"""));
        var merged = await Client.PatchAsync(Path(V1, "globalnetworksets", "pl-1"), """{"metadata":{"labels":{"a":null,"b":"2"}}}""", "application/merge-patch+json");
        Assert.That(merged.Body["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"b":"2"}"""));
        var patched = await Client.PatchAsync(Path(V1, "globalnetworksets", "pl-1"),
            """[{"op":"test","path":"/metadata/labels/b","value":"2"},{"op":"add","path":"/spec/nets/-","value":"192.168.0.0/16"}]""",
            "application/json-patch+json");
        Assert.That(patched.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(patched.Body["spec"]!["nets"]!.ToJsonString(), Is.EqualTo("""["10.0.0.0/8","192.168.0.0/16"]"""));
    }

    [Test]
    public async Task A_json_patch_that_does_not_apply_is_a_generic_422()
    {
        await Client.PostAsync(Path(V1, "globalnetworksets"), NetworkSet(V1, "pl-1"));
        var before = Emulator.ResourceVersion;
        var failed = await Client.PatchAsync(Path(V1, "globalnetworksets", "pl-1"),
            """[{"op":"test","path":"/spec/nets/0","value":"1.1.1.1/32"},{"op":"remove","path":"/spec"}]""", "application/json-patch+json");
        Assert.That(failed.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(JsonNode.DeepEquals(failed.Body, Json("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server rejected our request due to an error in our request",
             "reason":"Invalid","details":{},"code":422}
            """)), Is.True, failed.Body.ToJsonString());
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(before));
    }

    [Test]
    public async Task Strategic_merge_patch_is_unsupported_on_custom_resources()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        var refused = await Client.PatchAsync(Path(V1, "tiers", "t"), """{"spec":{"order":3}}""", "application/strategic-merge-patch+json");
        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(refused.Text("reason"), Is.EqualTo("UnsupportedMediaType"));
        Assert.That(refused.Text("message"), Is.EqualTo(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"));
    }

    [Test]
    public async Task Delete_returns_the_object_and_a_second_delete_is_NotFound()
    {
        await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        var deleted = await Client.DeleteAsync(Path(V1, "tiers", "t"));
        Assert.That(deleted.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(deleted.Text("metadata.name"), Is.EqualTo("t"));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);
        var again = await Client.DeleteAsync(Path(V1, "tiers", "t"));
        Assert.That(again.Code, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Text("reason"), Is.EqualTo("NotFound"));
    }

    [Test]
    public async Task Delete_preconditions_that_do_not_hold_are_Conflict_and_keep_the_object()
    {
        var created = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t"));
        var version = created.ResourceVersion;
        var staleVersion = await Client.DeleteAsync(Path(V1, "tiers", "t"),
            """{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"resourceVersion":"1"}}""");
        Assert.That(staleVersion.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(staleVersion.Text("message"), Is.EqualTo(
            "Operation cannot be fulfilled on tiers.crd.projectcalico.org \"t\": StorageError: invalid object, Code: 4, Key: /registry/crd.projectcalico.org/tiers/t, "
            + $"ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: {version}"));
        var wrongUid = await Client.DeleteAsync(Path(V1, "tiers", "t"), """{"preconditions":{"uid":"not-the-uid"}}""");
        Assert.That(wrongUid.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(wrongUid.Text("message"), Does.EndWith($"Precondition failed: UID in precondition: not-the-uid, UID in object meta: {created.Text("metadata.uid")}"));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Not.Null);

        var matching = await Client.DeleteAsync(Path(V1, "tiers", "t"), $$$"""{"preconditions":{"resourceVersion":"{{{version}}}"}}""");
        Assert.That(matching.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);
    }

    [Test]
    public async Task Namespaced_objects_need_their_namespace()
    {
        const string policy = """{"apiVersion":"crd.projectcalico.org/v1","kind":"NetworkPolicy","metadata":{"name":"p"},"spec":{"selector":"all()","types":["Ingress"]}}""";
        var missing = await Client.PostAsync(Path(V1, "networkpolicies", objectNamespace: "shop"), policy);
        Assert.That(missing.Code, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Text("message"), Is.EqualTo("namespaces \"shop\" not found"));

        await Client.PostAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""");
        var created = await Client.PostAsync(Path(V1, "networkpolicies", objectNamespace: "shop"), policy);
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Text("metadata.namespace"), Is.EqualTo("shop"));
        var all = await Client.GetAsync(Path(V1, "networkpolicies"));
        Assert.That(all.Body["items"]!.AsArray().Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Deleting_a_namespace_deletes_what_is_in_it()
    {
        await Client.PostAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""");
        await Client.PostAsync("/api/v1/namespaces/shop/pods", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[]}}""");
        await Client.DeleteAsync("/api/v1/namespaces/shop");
        Assert.That(Emulator.List("v1", "Pod"), Is.Empty);
    }

    [Test]
    public async Task Built_in_lists_carry_no_kind_on_items_and_new_namespaces_get_their_name_label()
    {
        var created = await Client.PostAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""");
        Assert.That(created.Body["metadata"]!["labels"]!["kubernetes.io/metadata.name"]!.GetValue<string>(), Is.EqualTo("shop"));
        var list = await Client.GetAsync("/api/v1/namespaces");
        Assert.That(list.Text("kind"), Is.EqualTo("NamespaceList"));
        Assert.That(list.Body["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "default", "kube-node-lease", "kube-public", "kube-system", "shop" }));
        Assert.That(list.Body["items"]![0]!["kind"], Is.Null);
    }

    [Test]
    public async Task Invalid_names_of_built_in_objects_are_Invalid_with_the_field()
    {
        var invalid = await Client.PostAsync("/api/v1/nodes", """{"apiVersion":"v1","kind":"Node","metadata":{"name":"Not_A_Name"}}""");
        Assert.That(invalid.Code, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(invalid.Text("reason"), Is.EqualTo("Invalid"));
        Assert.That(invalid.Text("message"), Does.StartWith("Node \"Not_A_Name\" is invalid: metadata.name: Invalid value: \"Not_A_Name\": a lowercase RFC 1123 subdomain"));
        Assert.That(invalid.Body["details"]!["causes"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("metadata.name"));
        Assert.That(invalid.Body["details"]!["causes"]![0]!["reason"]!.GetValue<string>(), Is.EqualTo("FieldValueInvalid"));
    }

    [Test]
    public async Task Unknown_paths_are_the_generic_NotFound()
    {
        var unknown = await Client.GetAsync("/apis/example.com/v1/widgets");
        Assert.That(unknown.Code, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.DeepEquals(unknown.Body, Json("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}
            """)), Is.True);
    }

    [Test]
    public async Task Dry_run_answers_without_storing()
    {
        var dryRun = await Client.PostAsync(Path(V1, "tiers") + "?dryRun=All", Tier(V1, "t"));
        Assert.That(dryRun.Code, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Emulator.Get(V1, "Tier", null, "t"), Is.Null);
    }

    [Test]
    public async Task Seeded_objects_get_system_fields_and_are_served()
    {
        var seeded = Emulator.Seed(Tier(V3, "seeded"));
        Assert.That(seeded["metadata"]!["uid"], Is.Not.Null);
        Assert.That(seeded["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(Emulator.ResourceVersion));
        var fetched = await Client.GetAsync(Path(V3, "tiers", "seeded"));
        Assert.That(fetched.Code, Is.EqualTo(HttpStatusCode.OK));
    }
}
