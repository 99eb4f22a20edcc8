using System.Net;
using System.Text.Json.Nodes;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>
/// Server-side apply with <c>metadata.resourceVersion</c> or <c>metadata.uid</c> set, as the API server answers it:
/// on an existing object they are preconditions (409 Conflict when they do not hold, registry store.go Update and
/// patch.go applyPatch); on an absent object the create-on-update path creates it, the resourceVersion unchecked
/// (kubernetes/kubernetes#106745), while a uid answers 409 ("uid mismatch").
/// </summary>
public class ApplyPreconditionTests : EmulatorTest
{
    private static readonly string SetPath = Path(V1, "globalnetworksets", "pl-1");

    private static string Applied(string nets, string? resourceVersion = null, string? uid = null)
    {
        var body = JsonNode.Parse(NetworkSet(V1, "pl-1", nets: nets))!.AsObject();
        if (resourceVersion is not null) body["metadata"]!["resourceVersion"] = resourceVersion;
        if (uid is not null) body["metadata"]!["uid"] = uid;
        return body.ToJsonString();
    }

    [Test]
    public async Task A_matching_resourceVersion_and_uid_let_the_apply_through()
    {
        var created = await Client.ApplyAsync(SetPath, Applied("""["10.0.0.0/8"]"""), "sglambda");
        var changed = await Client.ApplyAsync(SetPath, Applied("""["10.1.0.0/16"]""", created.ResourceVersion, created.Text("metadata.uid")), "sglambda", force: true);
        Assert.That(changed.Code, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(changed.Body["spec"]!["nets"]![0]!.GetValue<string>(), Is.EqualTo("10.1.0.0/16"));
    }

    [Test]
    public async Task A_stale_resourceVersion_is_a_409_that_changes_nothing()
    {
        var created = await Client.ApplyAsync(SetPath, Applied("""["10.0.0.0/8"]"""), "sglambda");
        var newer = await Client.ApplyAsync(SetPath, Applied("""["10.2.0.0/16"]"""), "sglambda");
        var stale = await Client.ApplyAsync(SetPath, Applied("""["10.1.0.0/16"]""", created.ResourceVersion), "sglambda", force: true);
        Assert.That(stale.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(stale.Text("message"), Does.Contain("the object has been modified; please apply your changes to the latest version and try again"));
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(newer.ResourceVersion));
    }

    [Test]
    public async Task A_uid_of_an_object_since_deleted_is_a_409_not_a_re_creation()
    {
        var created = await Client.ApplyAsync(SetPath, Applied("""["10.0.0.0/8"]"""), "sglambda");
        await Client.DeleteAsync(SetPath);
        var stale = await Client.ApplyAsync(SetPath, Applied("""["10.1.0.0/16"]""", created.ResourceVersion, created.Text("metadata.uid")), "sglambda", force: true);
        Assert.That(stale.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Emulator.Get(V1, "GlobalNetworkSet", null, "pl-1"), Is.Null);
    }

    [Test]
    public async Task A_resourceVersion_on_an_absent_object_creates_it_and_one_created_since_answers_409()
    {
        var listed = await Client.GetAsync(Path(V1, "globalnetworksets"));
        var listVersion = listed.ResourceVersion;
        var created = await Client.ApplyAsync(SetPath, Applied("""["10.0.0.0/8"]""", listVersion), "sglambda", force: true);
        Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));

        var again = await Client.ApplyAsync(SetPath, Applied("""["10.1.0.0/16"]""", listVersion), "sglambda", force: true);
        Assert.That(again.Code, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Emulator.Get(V1, "GlobalNetworkSet", null, "pl-1")!["spec"]!["nets"]![0]!.GetValue<string>(), Is.EqualTo("10.0.0.0/8"));
    }
}
