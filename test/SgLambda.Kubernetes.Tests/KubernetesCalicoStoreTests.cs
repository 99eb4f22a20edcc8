using System.Net;
using SgLambda.Core.Calico;
using static SgLambda.Kubernetes.Tests.Calico;

namespace SgLambda.Kubernetes.Tests;

public class KubernetesCalicoStoreTests : StoreTest
{
    private string VersionOf(string apiVersion, string kind, string name) =>
        Emulator.Get(apiVersion, kind, null, name)!["metadata"]!["resourceVersion"]!.GetValue<string>();

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Apply_creates_then_updates_and_identical_content_is_not_a_write(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1", "10.0.0.0/8"), CancellationToken.None);
        var stored = Emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1")!;
        Assert.That(stored["spec"]!["nets"]!.ToJsonString(), Is.EqualTo("""["10.0.0.0/8"]"""));
        var entry = stored["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.That((entry["manager"]!.GetValue<string>(), entry["operation"]!.GetValue<string>()), Is.EqualTo(("sglambda", "Apply")));
        var created = VersionOf(apiGroup, "GlobalNetworkSet", "pl-1");

        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1", "10.0.0.0/8"), CancellationToken.None);
        Assert.That(VersionOf(apiGroup, "GlobalNetworkSet", "pl-1"), Is.EqualTo(created));
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(created), "an identical apply stores nothing");

        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1", "10.0.0.0/8", "172.16.0.0/12"), CancellationToken.None);
        Assert.That(VersionOf(apiGroup, "GlobalNetworkSet", "pl-1"), Is.Not.EqualTo(created));
        Assert.That(Emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1")!["spec"]!["nets"]!.AsArray().Count, Is.EqualTo(2));
        Assert.That(Emulator.Requests.Count("patch", "globalnetworksets"), Is.EqualTo(3));
    }

    [Test]
    public async Task Apply_takes_back_fields_someone_else_changed()
    {
        var store = Store(V3);
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);
        using (var http = new HttpClient { BaseAddress = Emulator.BaseUrl })
        using (var patch = new StringContent("""{"spec":{"order":5}}""", System.Text.Encoding.UTF8, "application/merge-patch+json"))
        {
            var edited = await http.PatchAsync("apis/projectcalico.org/v3/tiers/sg-local?fieldManager=kubectl-edit", patch);
            Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);
        Assert.That(Emulator.Get(V3, "Tier", null, "sg-local")!["spec"]!["order"]!.GetValue<double>(), Is.EqualTo(106));
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task List_by_label_selector_follows_every_page(string apiGroup)
    {
        var store = Store(apiGroup, pageSize: 2);
        for (var index = 0; index < 5; index++)
            await store.ApplyAsync(NetworkSet(apiGroup, $"pl-{index}"), CancellationToken.None);
        Emulator.Seed($$$"""{"apiVersion":"{{{apiGroup}}}","kind":"GlobalNetworkSet","metadata":{"name":"someone-elses"},"spec":{"nets":[]}}""");

        var listed = await store.ListAsync(CalicoKind.GlobalNetworkSet, LabelQuery.Equal(LabelKeys.ManagedBy, LabelKeys.ManagedByValue), CancellationToken.None);

        Assert.That(listed.Select(value => value.Metadata.Name), Is.EqualTo(new[] { "pl-0", "pl-1", "pl-2", "pl-3", "pl-4" }));
        Assert.That(listed.Select(value => value.Metadata.ResourceVersion), Is.All.Not.Null);
        Assert.That(listed, Is.All.InstanceOf<GlobalNetworkSet>());
        Assert.That(((GlobalNetworkSet)listed[0]).Spec.Nets, Is.EqualTo(new[] { "10.0.0.0/8" }));
        Assert.That(Emulator.Requests.Count("list", "globalnetworksets"), Is.EqualTo(3));
    }

    [Test]
    public async Task An_empty_selector_lists_everything()
    {
        var store = Store(V1);
        await store.ApplyAsync(Tier(V1, "sg-local", 106), CancellationToken.None);
        Emulator.Seed("""{"apiVersion":"crd.projectcalico.org/v1","kind":"Tier","metadata":{"name":"default"},"spec":{"order":1000000}}""");
        var listed = await store.ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None);
        Assert.That(listed.Select(value => value.Metadata.Name), Is.EqualTo(new[] { "default", "sg-local" }));
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Typed_label_queries_select_what_the_in_memory_store_selects(string apiGroup)
    {
        var store = Store(apiGroup, pageSize: 2);
        var sets = new[]
        {
            NetworkSet(apiGroup, "pl-a"),
            NetworkSet(apiGroup, "pl-b") with { Metadata = NetworkSet(apiGroup, "pl-b").Metadata with { Labels = Owned.Add("team", "blue") } },
            NetworkSet(apiGroup, "pl-c") with { Metadata = NetworkSet(apiGroup, "pl-c").Metadata with { Labels = Owned.Add("team", "red") } },
            NetworkSet(apiGroup, "pl-d") with { Metadata = NetworkSet(apiGroup, "pl-d").Metadata with { Labels = Labels(("team", "blue")) } },
        };
        foreach (var set in sets) await store.ApplyAsync(set, CancellationToken.None);
        var memory = new Core.Sync.InMemoryCalicoStore(sets);
        LabelQuery[] queries =
        [
            LabelQuery.Everything,
            LabelQuery.Equal(LabelKeys.ManagedBy, LabelKeys.ManagedByValue),
            LabelQuery.Exists("team"),
            LabelQuery.In("team", ["red", "green"]),
            LabelQuery.In(LabelKeys.PrefixList, ["pl-a", "pl-c", "pl-z"]),
            LabelQuery.Exists("team").And(LabelQuery.Equal(LabelKeys.ManagedBy, LabelKeys.ManagedByValue)),
        ];

        foreach (var query in queries)
        {
            var listed = await store.ListAsync(CalicoKind.GlobalNetworkSet, query, CancellationToken.None);
            var expected = await memory.ListAsync(CalicoKind.GlobalNetworkSet, query, CancellationToken.None);
            Assert.That(listed.Select(value => value.Metadata.Name), Is.EqualTo(expected.Select(value => value.Metadata.Name)), query.ToString());
        }
        Assert.That(await store.ListAsync(CalicoKind.Tier, LabelQuery.Everything, CancellationToken.None), Is.Empty, "a kind lists its own resource");
    }

    [Test]
    public async Task A_list_whose_continue_token_expired_starts_over()
    {
        var store = Store(V3);
        for (var index = 0; index < 4; index++)
            await store.ApplyAsync(NetworkSet(V3, $"pl-{index}"), CancellationToken.None);
        // After the first page, another writer adds an object and etcd compacts: the next page gets 410 Expired.
        using var compacting = new AfterFirstList(() =>
        {
            Emulator.Seed(NetworkSetJson(V3, "pl-9"));
            Emulator.Registry.Compact();
        }) { InnerHandler = new SocketsHttpHandler() };
        using var client = new KubernetesHttpApi(Emulator.BaseUrl, new StaticTokenSource("unchecked"), compacting);
        var restarting = new KubernetesCalicoStore(client, new KubernetesStoreOptions { ApiGroup = V3, PageSize = 2, Log = Logged.Add }, RecordingRetry());

        var listed = await restarting.ListAsync(CalicoKind.GlobalNetworkSet, LabelQuery.Everything, CancellationToken.None);

        Assert.That(listed.Select(value => value.Metadata.Name), Is.EqualTo(new[] { "pl-0", "pl-1", "pl-2", "pl-3", "pl-9" }));
        Assert.That(Logged, Has.One.Contains("continue token expired"));
    }

    private static string NetworkSetJson(string apiVersion, string name) =>
        $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"GlobalNetworkSet","metadata":{"name":"{{{name}}}"},"spec":{"nets":["10.9.0.0/16"]}}""";

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Delete_never_deletes_an_object_changed_since_it_was_read(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1"), CancellationToken.None);
        var read = (await store.ListAsync(CalicoKind.GlobalNetworkSet, LabelQuery.Everything, CancellationToken.None)).Single();

        // Someone else changes it after SgLambda read it.
        var changed = Emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1")!;
        changed["metadata"]!["labels"]!["team"] = "network";
        Emulator.Seed(changed);

        await store.DeleteAsync(read.Key, read.Metadata.ResourceVersion, CancellationToken.None);
        Assert.That(Emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1"), Is.Not.Null);
        Assert.That(Logged, Has.One.Contains("GlobalNetworkSet/pl-1").And.Contains("skipped"));
        Assert.That(Emulator.Requests.Count("delete", "globalnetworksets"), Is.EqualTo(1), "a precondition failure is not retried");

        var current = (await store.ListAsync(CalicoKind.GlobalNetworkSet, LabelQuery.Everything, CancellationToken.None)).Single();
        await store.DeleteAsync(current.Key, current.Metadata.ResourceVersion, CancellationToken.None);
        Assert.That(Emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1"), Is.Null);
    }

    [Test]
    public async Task Deleting_a_missing_object_succeeds()
    {
        var store = Store(V3);
        await store.DeleteAsync(new ObjectKey("Tier", null, "gone"), null, CancellationToken.None);
        await store.DeleteAsync(new ObjectKey("Tier", null, "gone"), "42", CancellationToken.None);
        Assert.That(Emulator.Requests.Count("delete", "tiers"), Is.EqualTo(2));
        Assert.That(Logged, Is.Empty);
    }

    [Test]
    public async Task A_delete_without_a_resourceVersion_is_unconditional()
    {
        var store = Store(V1);
        await store.ApplyAsync(Tier(V1, "sg-remote", 105), CancellationToken.None);
        await store.DeleteAsync(new ObjectKey("Tier", null, "sg-remote"), null, CancellationToken.None);
        Assert.That(Emulator.Get(V1, "Tier", null, "sg-remote"), Is.Null);
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Namespaced_policies_are_applied_listed_and_deleted_in_their_namespace(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(NamespacedPolicy(apiGroup, "kube-system", "companion"), CancellationToken.None);
        var listed = await store.ListAsync(CalicoKind.NetworkPolicy, LabelQuery.Everything, CancellationToken.None);
        Assert.That(listed.Single().Key, Is.EqualTo(new ObjectKey("NetworkPolicy", "kube-system", "companion")));
        Assert.That(((NetworkPolicy)listed.Single()).Spec.Ingress!.Single().Action, Is.EqualTo("Pass"));
        await store.DeleteAsync(listed.Single().Key, listed.Single().Metadata.ResourceVersion, CancellationToken.None);
        Assert.That(Emulator.List(apiGroup, "NetworkPolicy"), Is.Empty);
    }

    [Test]
    public void An_object_of_the_other_API_group_is_refused()
    {
        var store = Store(V3);
        Assert.That(async () => await store.ApplyAsync(Tier(V1, "t", 1), CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("this store writes projectcalico.org/v3"));
    }

    [Test]
    public async Task A_malformed_selector_fails_at_once_with_the_servers_reason()
    {
        var store = Store(V3);
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await store.ListAsync(CalicoKind.Tier, LabelQuery.Exists("-not-a-label-key"), CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(failure.Reason, Is.EqualTo("BadRequest"));
        Assert.That(Emulator.Requests.Count("list", "tiers"), Is.EqualTo(1));
        Assert.That(Waits, Is.Empty);
    }

    /// <summary>Runs an action once, after the first list response has arrived.</summary>
    private sealed class AfterFirstList(Action action) : DelegatingHandler
    {
        private int _lists;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && Interlocked.Increment(ref _lists) == 1) action();
            return response;
        }
    }
}
