using System.Net;
using System.Text.Json.Nodes;
using SgLambda.Core.Calico;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Kubernetes;
using static SgLambda.Functions.Tests.Kubernetes.CalicoObjects;

namespace SgLambda.Functions.Tests.Kubernetes;

/// <summary>
/// The AOT-safe store and node reader against the Kubernetes API emulator (Calico CRDs, schema and semantic
/// validation, bearer token, TLS with its own CA): the wire behaviour of <see cref="KubernetesCalicoStore"/>.
/// </summary>
public sealed class KubernetesHttpCalicoStoreTests
{
    private const string Token = "sglambda-test-token";
    private KubernetesApiEmulator emulator = null!;
    private KubernetesHttpApi api = null!;
    private readonly List<TimeSpan> waits = [];
    private readonly List<string> logged = [];

    [SetUp]
    public async Task Start()
    {
        waits.Clear();
        logged.Clear();
        emulator = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, BearerToken = Token, UseTls = true });
        api = new KubernetesHttpApi(emulator.BaseUrl, emulator.CertificateAuthorityPem, new StaticTokenSource(Token));
    }

    [TearDown]
    public async Task Stop()
    {
        // Nothing started when the set-up skipped the test (no Calico CRDs on a lone clone).
        if (emulator is null) return;
        api?.Dispose();
        await emulator.DisposeAsync();
        emulator = null!;
    }

    private KubernetesRetry Retry() => new(RetryPolicy.Default, (wait, _) =>
    {
        lock (waits) waits.Add(wait);
        return Task.CompletedTask;
    }, seed: 1);

    private KubernetesHttpCalicoStore Store(string apiGroup, int pageSize = 500) =>
        new(api, new KubernetesStoreOptions { ApiGroup = apiGroup, PageSize = pageSize, Log = logged.Add }, Retry());

    private string VersionOf(string apiVersion, string kind, string name) =>
        emulator.Get(apiVersion, kind, null, name)!["metadata"]!["resourceVersion"]!.GetValue<string>();

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Apply_creates_then_updates_as_field_manager_sglambda_and_identical_content_is_not_a_write(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1", "10.0.0.0/8"), CancellationToken.None);
        var stored = emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1")!;
        Assert.That(stored["spec"]!["nets"]!.ToJsonString(), Is.EqualTo("""["10.0.0.0/8"]"""));
        var entry = stored["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.That((entry["manager"]!.GetValue<string>(), entry["operation"]!.GetValue<string>()), Is.EqualTo(("sglambda", "Apply")));
        var created = VersionOf(apiGroup, "GlobalNetworkSet", "pl-1");

        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1", "10.0.0.0/8"), CancellationToken.None);
        Assert.That(emulator.ResourceVersion, Is.EqualTo(created), "an identical apply stores nothing");

        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1", "10.0.0.0/8", "172.16.0.0/12"), CancellationToken.None);
        Assert.That(VersionOf(apiGroup, "GlobalNetworkSet", "pl-1"), Is.Not.EqualTo(created));
        Assert.That(emulator.Requests.Count("patch", "globalnetworksets"), Is.EqualTo(3));
    }

    [Test]
    public async Task Apply_is_forced_so_it_takes_back_fields_someone_else_changed()
    {
        var store = Store(V3);
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);
        var edited = emulator.Get(V3, "Tier", null, "sg-local")!;
        edited["spec"]!["order"] = 5;
        emulator.Seed(edited);
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);
        Assert.That(emulator.Get(V3, "Tier", null, "sg-local")!["spec"]!["order"]!.GetValue<double>(), Is.EqualTo(106));
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task List_by_label_selector_follows_every_page(string apiGroup)
    {
        var store = Store(apiGroup, pageSize: 2);
        for (var index = 0; index < 5; index++)
            await store.ApplyAsync(NetworkSet(apiGroup, $"pl-{index}"), CancellationToken.None);
        emulator.Seed($$$"""{"apiVersion":"{{{apiGroup}}}","kind":"GlobalNetworkSet","metadata":{"name":"someone-elses"},"spec":{"nets":[]}}""");

        var listed = await store.ListAsync("GlobalNetworkSet", $"{LabelKeys.ManagedBy}={LabelKeys.ManagedByValue}", CancellationToken.None);

        Assert.That(listed.Select(value => value.Metadata.Name), Is.EqualTo(new[] { "pl-0", "pl-1", "pl-2", "pl-3", "pl-4" }));
        Assert.That(listed.Select(value => value.Metadata.ResourceVersion), Is.All.Not.Null);
        Assert.That(((GlobalNetworkSet)listed[0]).Spec.Nets, Is.EqualTo(new[] { "10.0.0.0/8" }));
        Assert.That(emulator.Requests.Count("list", "globalnetworksets"), Is.EqualTo(3));
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Delete_never_deletes_an_object_changed_since_it_was_read(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(NetworkSet(apiGroup, "pl-1"), CancellationToken.None);
        var read = (await store.ListAsync("GlobalNetworkSet", "", CancellationToken.None)).Single();
        var changed = emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1")!;
        changed["metadata"]!["labels"]!["team"] = "network";
        emulator.Seed(changed);

        await store.DeleteAsync(read.Key, read.Metadata.ResourceVersion, CancellationToken.None);
        Assert.That(emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1"), Is.Not.Null);
        Assert.That(logged, Has.One.Contains("GlobalNetworkSet/pl-1").And.Contains("skipped"));
        Assert.That(emulator.Requests.Count("delete", "globalnetworksets"), Is.EqualTo(1), "a precondition failure is not retried");

        var current = (await store.ListAsync("GlobalNetworkSet", "", CancellationToken.None)).Single();
        await store.DeleteAsync(current.Key, current.Metadata.ResourceVersion, CancellationToken.None);
        Assert.That(emulator.Get(apiGroup, "GlobalNetworkSet", null, "pl-1"), Is.Null);
    }

    [Test]
    public async Task Deleting_a_missing_object_succeeds()
    {
        var store = Store(V3);
        await store.DeleteAsync(new ObjectKey("Tier", null, "gone"), "42", CancellationToken.None);
        Assert.That(emulator.Requests.Count("delete", "tiers"), Is.EqualTo(1));
        Assert.That(logged, Is.Empty);
    }

    [TestCase(V1)]
    [TestCase(V3)]
    public async Task Namespaced_policies_are_applied_listed_and_deleted_in_their_namespace(string apiGroup)
    {
        var store = Store(apiGroup);
        await store.ApplyAsync(NamespacedPolicy(apiGroup, "kube-system", "companion"), CancellationToken.None);
        var listed = await store.ListAsync("NetworkPolicy", "", CancellationToken.None);
        Assert.That(listed.Single().Key, Is.EqualTo(new ObjectKey("NetworkPolicy", "kube-system", "companion")));
        Assert.That(((NetworkPolicy)listed.Single()).Spec.Ingress!.Single().Action, Is.EqualTo("Pass"));
        await store.DeleteAsync(listed.Single().Key, listed.Single().Metadata.ResourceVersion, CancellationToken.None);
        Assert.That(emulator.List(apiGroup, "NetworkPolicy"), Is.Empty);
    }

    [Test]
    public async Task Throttling_and_server_errors_are_retried_after_the_servers_hint()
    {
        var store = Store(V3);
        emulator.Faults.Enqueue(FaultKind.TooManyRequests, verb: "patch", resource: "tiers");
        emulator.Faults.Enqueue(FaultKind.ServiceUnavailable, verb: "patch", resource: "tiers");
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);
        Assert.That(emulator.Get(V3, "Tier", null, "sg-local"), Is.Not.Null);
        Assert.That(emulator.Requests.Count("patch", "tiers"), Is.EqualTo(3));
        Assert.That(waits, Has.Count.EqualTo(2));
        Assert.That(waits[0], Is.EqualTo(TimeSpan.FromSeconds(emulator.Faults.RetryAfterSeconds)));
    }

    [Test]
    public async Task An_object_the_schema_rejects_fails_at_once_with_the_fields_the_server_blames()
    {
        var store = Store(V3);
        var bad = Tier(V3, "sg-local", 106) with { Spec = new TierSpec { Order = 106, DefaultAction = "Maybe" } };
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await store.ApplyAsync(bad, CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(failure.Causes.Select(cause => cause.Field), Has.Some.Contains("defaultAction"));
        Assert.That(waits, Is.Empty);
    }

    [Test]
    public async Task A_wrong_token_is_refused_and_not_retried()
    {
        using var stranger = new KubernetesHttpApi(emulator.BaseUrl, emulator.CertificateAuthorityPem, new StaticTokenSource("wrong"));
        var store = new KubernetesHttpCalicoStore(stranger, new KubernetesStoreOptions(), Retry());
        var failure = await Assert.ThrowsAsync<KubernetesRequestException>(async () => await store.ListAsync("Tier", "", CancellationToken.None));
        Assert.That(failure!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(waits, Is.Empty);
    }

    [Test]
    public void A_server_whose_certificate_the_CA_did_not_sign_is_not_trusted()
    {
        using var other = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=other", other, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var foreign = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var distrustful = new KubernetesHttpApi(emulator.BaseUrl, foreign.ExportCertificatePem(), new StaticTokenSource(Token));
        var store = new KubernetesHttpCalicoStore(distrustful, new KubernetesStoreOptions { Retry = RetryPolicy.Default with { MaxAttempts = 1 } });
        Assert.That(async () => await store.ListAsync("Tier", "", CancellationToken.None),
            Throws.InstanceOf<KubernetesRequestException>().With.Property(nameof(KubernetesRequestException.StatusCode)).Null);
    }

    [Test]
    public async Task Nodes_are_read_as_names_and_instance_ids_page_by_page()
    {
        for (var index = 0; index < 3; index++)
        {
            emulator.Seed(JsonNode.Parse($$$"""
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-{{{index}}}"},"spec":{"providerID":"aws:///us-west-2a/i-0{{{index}}}"}}
                """)!.AsObject());
        }
        var reader = new KubernetesHttpNodeReader(api, Retry(), pageSize: 2);

        var nodes = await reader.ListNodesAsync(CancellationToken.None);

        Assert.That(nodes.Select(node => (node.Name, node.InstanceId)), Is.EqualTo(new[] { ("node-0", "i-00"), ("node-1", "i-01"), ("node-2", "i-02") }));
        Assert.That(emulator.Requests.Count("list", "nodes"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_list_whose_continue_token_expired_starts_over()
    {
        await using var plain = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root });
        using var direct = new KubernetesHttpApi(plain.BaseUrl, null, new StaticTokenSource(Token));
        var writer = new KubernetesHttpCalicoStore(direct, new KubernetesStoreOptions { ApiGroup = V3 }, Retry());
        for (var index = 0; index < 4; index++)
            await writer.ApplyAsync(NetworkSet(V3, $"pl-{index}"), CancellationToken.None);
        // After the first page, another writer adds an object and etcd compacts: the next page gets 410 Expired.
        using var compacting = new AfterFirstList(() =>
        {
            plain.Seed($$$"""{"apiVersion":"{{{V3}}}","kind":"GlobalNetworkSet","metadata":{"name":"pl-9"},"spec":{"nets":["10.9.0.0/16"]}}""");
            plain.Registry.Compact();
        }) { InnerHandler = new SocketsHttpHandler() };
        using var interrupted = new KubernetesHttpApi(plain.BaseUrl, new StaticTokenSource(Token), compacting);
        var store = new KubernetesHttpCalicoStore(interrupted, new KubernetesStoreOptions { ApiGroup = V3, PageSize = 2, Log = logged.Add }, Retry());

        var listed = await store.ListAsync("GlobalNetworkSet", "", CancellationToken.None);

        Assert.That(listed.Select(value => value.Metadata.Name), Is.EqualTo(new[] { "pl-0", "pl-1", "pl-2", "pl-3", "pl-9" }));
        Assert.That(logged, Has.One.Contains("continue token expired"));
    }

    [Test]
    public async Task On_Calico_3_32_0_a_tiered_policy_that_apply_cannot_create_is_created_then_applied()
    {
        // projectcalico/calico#12841: server-side apply creating a tiered policy answers NotFound.
        await using var calico = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { CrdDirectory = CrdFolder.Root, Calico3320ApplyCreateNotFound = true });
        using var direct = new KubernetesHttpApi(calico.BaseUrl, null, new StaticTokenSource(Token));
        var store = new KubernetesHttpCalicoStore(direct, new KubernetesStoreOptions { ApiGroup = V3, Log = logged.Add }, Retry());
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);

        await store.ApplyAsync(NamespacedPolicy(V3, "kube-system", "companion"), CancellationToken.None);
        await store.ApplyAsync(NamespacedPolicy(V3, "kube-system", "companion"), CancellationToken.None);

        Assert.That(calico.Get(V3, "NetworkPolicy", "kube-system", "companion"), Is.Not.Null);
        Assert.That(calico.Requests.Count("create", "networkpolicies"), Is.EqualTo(1), "created once, then applied");
        Assert.That(calico.Requests.Count("patch", "networkpolicies"), Is.EqualTo(2));
        Assert.That(logged, Has.One.Contains("projectcalico/calico#12841"));
    }

    /// <summary>Runs an action once, after the first list response has arrived.</summary>
    private sealed class AfterFirstList(Action action) : DelegatingHandler
    {
        private int lists;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && Interlocked.Increment(ref lists) == 1) action();
            return response;
        }
    }
}
