using System.Net;
using System.Text.Json.Nodes;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

public class ListTests : EmulatorTest
{
    private static IEnumerable<string> Names(ApiResponse list) =>
        list.Body["items"]!.AsArray().Select(item => item!["metadata"]!["name"]!.GetValue<string>());

    private async Task SeedSetsAsync(int count)
    {
        for (var index = 0; index < count; index++)
        {
            var labels = index % 2 == 0 ? """{"app.kubernetes.io/managed-by":"sglambda","parity":"even"}""" : """{"parity":"odd"}""";
            var created = await Client.PostAsync(Path(V3, "globalnetworksets"), NetworkSet(V3, $"pl-{index:D2}", labels));
            Assert.That(created.Code, Is.EqualTo(HttpStatusCode.Created));
        }
    }

    [Test]
    public async Task A_list_is_a_typed_List_with_the_current_resourceVersion()
    {
        await SeedSetsAsync(3);
        var list = await Client.GetAsync(Path(V3, "globalnetworksets"));
        Assert.That(list.Text("kind"), Is.EqualTo("GlobalNetworkSetList"));
        Assert.That(list.Text("apiVersion"), Is.EqualTo(V3));
        Assert.That(list.ResourceVersion, Is.EqualTo(Emulator.ResourceVersion));
        Assert.That(Names(list), Is.EqualTo(new[] { "pl-00", "pl-01", "pl-02" }));
        Assert.That(list.Body["items"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("GlobalNetworkSet"));
        Assert.That(list.Body["metadata"]!["continue"], Is.Null);
    }

    [TestCase("app.kubernetes.io/managed-by=sglambda", new[] { "pl-00", "pl-02", "pl-04" })]
    [TestCase("parity in (odd)", new[] { "pl-01", "pl-03" })]
    [TestCase("!app.kubernetes.io/managed-by", new[] { "pl-01", "pl-03" })]
    [TestCase("parity!=odd,app.kubernetes.io/managed-by", new[] { "pl-00", "pl-02", "pl-04" })]
    public async Task Label_selectors_filter(string selector, string[] expected)
    {
        await SeedSetsAsync(5);
        var list = await Client.GetAsync(Path(V3, "globalnetworksets") + "?labelSelector=" + Uri.EscapeDataString(selector));
        Assert.That(Names(list), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_malformed_label_selector_is_BadRequest()
    {
        var refused = await Client.GetAsync(Path(V3, "globalnetworksets") + "?labelSelector=" + Uri.EscapeDataString("a in b"));
        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Text("reason"), Is.EqualTo("BadRequest"));
    }

    [Test]
    public async Task Field_selectors_on_name_and_on_CRD_selectable_fields()
    {
        await SeedSetsAsync(3);
        var byName = await Client.GetAsync(Path(V3, "globalnetworksets") + "?fieldSelector=metadata.name%3Dpl-01");
        Assert.That(Names(byName), Is.EqualTo(new[] { "pl-01" }));
        var unsupported = await Client.GetAsync(Path(V3, "globalnetworksets") + "?fieldSelector=spec.nets%3Dx");
        Assert.That(unsupported.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unsupported.Text("message"), Is.EqualTo("field label not supported: spec.nets"));

        await Client.PostAsync(Path(V3, "globalnetworkpolicies"), Policy(V3, "p1"));
        var byTier = await Client.GetAsync(Path(V3, "globalnetworkpolicies") + "?fieldSelector=spec.tier%3Ddefault");
        Assert.That(byTier.Code, Is.EqualTo(HttpStatusCode.OK), "projectcalico.org/v3 policies declare spec.tier selectable");
        Assert.That(Names(byTier), Is.EqualTo(new[] { "p1" }));
    }

    [Test]
    public async Task Pages_follow_continue_tokens_and_stay_consistent()
    {
        await SeedSetsAsync(5);
        var first = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=2");
        Assert.That(Names(first), Is.EqualTo(new[] { "pl-00", "pl-01" }));
        Assert.That(first.Text("metadata.remainingItemCount"), Is.EqualTo("3"));
        var token = first.Text("metadata.continue");
        Assert.That(token, Is.Not.Empty);

        // A write between pages does not show in the rest of this list: it reads the first page's revision.
        await Client.DeleteAsync(Path(V3, "globalnetworksets", "pl-03"));
        var second = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=2&continue=" + Uri.EscapeDataString(token));
        Assert.That(Names(second), Is.EqualTo(new[] { "pl-02", "pl-03" }));
        Assert.That(second.ResourceVersion, Is.EqualTo(first.ResourceVersion));
        var third = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=2&continue=" + Uri.EscapeDataString(second.Text("metadata.continue")));
        Assert.That(Names(third), Is.EqualTo(new[] { "pl-04" }));
        Assert.That(third.Body["metadata"]!["continue"], Is.Null);
    }

    [Test]
    public async Task Filtered_pages_fill_up_to_the_limit_and_carry_no_remaining_count()
    {
        await SeedSetsAsync(6);
        var page = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=2&labelSelector=parity%3Deven");
        Assert.That(Names(page), Is.EqualTo(new[] { "pl-00", "pl-02" }));
        Assert.That(page.Body["metadata"]!["remainingItemCount"], Is.Null);
        var rest = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=2&labelSelector=parity%3Deven&continue=" + Uri.EscapeDataString(page.Text("metadata.continue")));
        Assert.That(Names(rest), Is.EqualTo(new[] { "pl-04" }));
    }

    [Test]
    public async Task A_continue_token_older_than_the_kept_history_is_410_Expired()
    {
        await SeedSetsAsync(3);
        var first = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=1");
        await Client.DeleteAsync(Path(V3, "globalnetworksets", "pl-02"));
        Emulator.Registry.Compact();
        var expired = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=1&continue=" + Uri.EscapeDataString(first.Text("metadata.continue")));
        Assert.That(expired.Code, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(expired.Text("reason"), Is.EqualTo("Expired"));
        Assert.That(expired.Text("message"), Does.StartWith("The provided continue parameter is too old to display a consistent list result."));
    }

    [Test]
    public async Task A_forged_continue_token_is_BadRequest()
    {
        var refused = await Client.GetAsync(Path(V3, "globalnetworksets") + "?limit=1&continue=bm90LWEtdG9rZW4");
        Assert.That(refused.Code, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Text("message"), Does.StartWith("continue key is not valid"));
    }

    [Test]
    public async Task Delete_collection_removes_the_selected_objects()
    {
        await SeedSetsAsync(4);
        var deleted = await Client.DeleteAsync(Path(V3, "globalnetworksets") + "?labelSelector=parity%3Dodd");
        Assert.That(Names(deleted), Is.EqualTo(new[] { "pl-01", "pl-03" }));
        Assert.That(Emulator.List(V3, "GlobalNetworkSet").Select(item => item["metadata"]!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "pl-00", "pl-02" }));
    }

    [Test]
    public async Task Pods_list_across_namespaces_and_by_node()
    {
        Emulator.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","namespace":"default"},"spec":{"nodeName":"n1"}}""");
        Emulator.Seed("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","namespace":"kube-system"},"spec":{"nodeName":"n2"}}""");
        var all = await Client.GetAsync("/api/v1/pods");
        Assert.That(Names(all), Is.EqualTo(new[] { "a", "b" }));
        var onNode = await Client.GetAsync("/api/v1/pods?fieldSelector=spec.nodeName%3Dn2");
        Assert.That(Names(onNode), Is.EqualTo(new[] { "b" }));
        var inNamespace = await Client.GetAsync("/api/v1/namespaces/default/pods");
        Assert.That(Names(inNamespace), Is.EqualTo(new[] { "a" }));
        Assert.That(JsonNode.DeepEquals(inNamespace.Body["items"]![0]!["kind"], null), Is.True);
    }
}
