using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.ApiServer;
using static SgLambda.Kubernetes.Tests.Calico;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// Calico 3.32.0's API server answers NotFound to a server-side apply that would create a tiered policy
/// (projectcalico/calico#12841); the store falls back to a create, and applies again once the policy exists.
/// </summary>
public sealed class Calico3320ApplyTests : StoreTest
{
    private protected override KubernetesApiEmulatorOptions Options => base.Options with { Calico3320ApplyCreateNotFound = true };

    [Test]
    public async Task The_emulator_answers_NotFound_to_an_apply_creating_a_tiered_policy_as_Calico_3_32_0_does()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var tier = new StringContent("""{"apiVersion":"projectcalico.org/v3","kind":"Tier","metadata":{"name":"sg-local"},"spec":{"order":106}}""", Encoding.UTF8, "application/apply-patch+yaml");
        using var policy = new StringContent("""{"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkPolicy","metadata":{"name":"sg-local.sg-1"},"spec":{"tier":"sg-local","selector":"all()"}}""", Encoding.UTF8, "application/apply-patch+yaml");

        using var tierApplied = await http.PatchAsync("apis/projectcalico.org/v3/tiers/sg-local?fieldManager=kubectl", tier);
        using var policyApplied = await http.PatchAsync("apis/projectcalico.org/v3/globalnetworkpolicies/sg-local.sg-1?fieldManager=kubectl", policy);

        Assert.That(tierApplied.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(policyApplied.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var status = JsonNode.Parse(await policyApplied.Content.ReadAsStringAsync())!;
        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("NotFound"));
        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo("globalnetworkpolicies.projectcalico.org \"sg-local.sg-1\" not found"));
    }

    [Test]
    public async Task Apply_creates_a_tiered_policy_then_updates_it_by_apply()
    {
        var store = Store(V3);
        await store.ApplyAsync(Tier(V3, "sg-local", 106), CancellationToken.None);

        await store.ApplyAsync(TieredPolicy(V3, "sg-local", "sg-1"), CancellationToken.None);
        var created = Emulator.Get(V3, "GlobalNetworkPolicy", null, "sg-local.sg-1")!;
        Assert.That(created["spec"]!["tier"]!.GetValue<string>(), Is.EqualTo("sg-local"));
        Assert.That(Logged, Has.One.Contains("projectcalico/calico#12841"));

        await store.ApplyAsync(TieredPolicy(V3, "sg-local", "sg-1") with { Metadata = TieredPolicy(V3, "sg-local", "sg-1").Metadata with { Annotations = Labels(("note", "x")) } }, CancellationToken.None);
        Assert.That(Emulator.Get(V3, "GlobalNetworkPolicy", null, "sg-local.sg-1")!["metadata"]!["annotations"]!["note"]!.GetValue<string>(), Is.EqualTo("x"));
        Assert.That(Emulator.Requests.Count("create", "globalnetworkpolicies"), Is.EqualTo(1), "once it exists, apply updates it");
        Assert.That(Logged, Has.One.Contains("projectcalico/calico#12841"));
    }

    [Test]
    public async Task Apply_creates_a_namespaced_tiered_policy_in_its_namespace()
    {
        var store = Store(V3);

        await store.ApplyAsync(NamespacedPolicy(V3, "kube-system", "companion"), CancellationToken.None);

        Assert.That(Emulator.Get(V3, "NetworkPolicy", "kube-system", "companion"), Is.Not.Null);
    }

    [Test]
    public async Task The_crd_api_group_is_not_affected()
    {
        var store = Store(V1);
        await store.ApplyAsync(Tier(V1, "sg-local", 106), CancellationToken.None);

        await store.ApplyAsync(TieredPolicy(V1, "sg-local", "sg-1"), CancellationToken.None);

        Assert.That(Emulator.Requests.Count("create", "globalnetworkpolicies"), Is.Zero);
        Assert.That(Logged, Is.Empty);
    }
}
