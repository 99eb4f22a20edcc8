using SgLambda.Core.Calico;
using SgLambda.Core.Events;
using SgLambda.Core.Input;
using SgLambda.Core.NetworkPolicies;
using SgLambda.Core.Sync;
using SgLambda.TestSupport.Events;
using SgLambda.TestSupport.NetworkPolicies;
using SgLambda.Core.Tests.Tutorial;

namespace SgLambda.Core.Tests.Sync;

/// <summary>
/// The full reconcile writes the companions of SG-aware NetworkPolicies and deletes the ones it owns whose
/// owner lost its annotation or is gone; the event path never reads, writes or deletes them.
/// </summary>
public class CompanionReconcileTests
{
    private static (SyncEngine Engine, InMemoryCalicoStore Store, InMemoryNetworkPolicies Policies) World(params KubernetesNetworkPolicy[] policies)
    {
        var input = TutorialSnapshot.Read();
        var config = input.Config with { AccountId = EventFiles.Account, Region = EventFiles.Region };
        var inventory = new SnapshotInventory(input.Snapshot, config);
        var store = new InMemoryCalicoStore();
        var networkPolicies = new InMemoryNetworkPolicies(policies);
        return (new SyncEngine(inventory, inventory, store, config, networkPolicies: networkPolicies), store, networkPolicies);
    }

    private static async Task ReconcileAsync(SyncEngine engine) =>
        await engine.ApplyAsync(await engine.PlanReconcileAsync(CancellationToken.None), CancellationToken.None);

    private static List<NetworkPolicy> Companions(InMemoryCalicoStore store) => [.. store.Objects.OfType<NetworkPolicy>()];

    [Test]
    public async Task Reconcile_writes_the_companion_of_an_annotated_policy_only()
    {
        var (engine, store, _) = World(NetworkPolicyFixtures.Policy("allow-from-instance.yaml"), NetworkPolicyFixtures.Policy("default-deny.yaml"));

        await ReconcileAsync(engine);

        var companion = Companions(store).Single();
        Assert.That(companion.Key, Is.EqualTo(new ObjectKey("NetworkPolicy", "integration-demo", "sglambda-allow-from-instance")));
        var again = await engine.PlanReconcileAsync(CancellationToken.None);
        Assert.That(again.Plan.Apply, Is.Empty, "a second reconcile changes nothing");
    }

    [Test]
    public async Task Reconcile_deletes_the_companion_when_the_annotation_goes_or_the_policy_is_deleted()
    {
        var policy = NetworkPolicyFixtures.Policy("allow-from-instance.yaml");
        var other = NetworkPolicyFixtures.Policy("mixed-peers.yaml");
        var (engine, store, policies) = World(policy, other);
        await ReconcileAsync(engine);
        Assert.That(Companions(store), Has.Count.EqualTo(2));

        policies.Put(policy with { Metadata = policy.Metadata with { Annotations = new Dictionary<string, string>() } });
        await ReconcileAsync(engine);
        Assert.That(Companions(store).Select(c => c.Metadata.Name), Is.EqualTo(new[] { "sglambda-mixed" }));

        policies.Remove("integration-demo", "mixed");
        await ReconcileAsync(engine);
        Assert.That(Companions(store), Is.Empty);
    }

    [Test]
    public async Task Reconcile_leaves_a_Calico_policy_it_does_not_own_alone()
    {
        var (engine, store, _) = World(NetworkPolicyFixtures.Policy("allow-from-instance.yaml"));
        var users = new NetworkPolicy
        {
            ApiVersion = "projectcalico.org/v3",
            Metadata = new ObjectMeta { Name = "sglambda-allow-from-instance", Namespace = "integration-demo" },
            Spec = new PolicySpec { Tier = "default", Selector = "all()", Types = [PolicyTypes.Ingress] },
        };
        await store.ApplyAsync(users, CancellationToken.None);

        var report = await engine.PlanReconcileAsync(CancellationToken.None);
        await engine.ApplyAsync(report, CancellationToken.None);

        Assert.That(report.Plan.Warnings, Has.Some.Contains("not managed by sglambda"));
        Assert.That(Companions(store).Single().Spec.Selector, Is.EqualTo("all()"));
    }

    [TestCaseSource(typeof(EventFiles), nameof(EventFiles.InfraEventNames))]
    public async Task The_event_path_never_touches_companions(string eventFile)
    {
        var (engine, store, policies) = World(NetworkPolicyFixtures.Policy("allow-from-instance.yaml"));
        await ReconcileAsync(engine);
        var companion = Companions(store).Single();
        // Even with its owner gone, only the reconcile may delete it.
        policies.Remove("integration-demo", "allow-from-instance");

        var report = await engine.PlanEventAsync(EventClassifier.Classify(EventFiles.InfraEvent(eventFile), EventFiles.Config with { VpcId = EventFiles.Vpc }), CancellationToken.None);
        await engine.ApplyAsync(report.Plan, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(report.Plan.Apply.OfType<NetworkPolicy>(), Is.Empty);
            Assert.That(report.Plan.Delete.Where(d => d.Key.Kind == "NetworkPolicy"), Is.Empty);
            Assert.That(Companions(store).Single(), Is.EqualTo(companion));
        });
    }

    [Test]
    public void A_cluster_snapshot_holds_NetworkPolicies_apart_from_Calico_objects()
    {
        var list = new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["items"] = new System.Text.Json.Nodes.JsonArray(
                CalicoSerializer.ToJsonNode(CompanionPolicy.For(NetworkPolicyFixtures.Policy("allow-from-instance.yaml"), "projectcalico.org/v3")!),
                KubernetesNetworkPolicyParser.ToJsonNode(NetworkPolicyFixtures.Policy("allow-from-instance.yaml"))),
        };
        var file = new InputFile("cluster.json", list.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(ClusterSnapshotParser.Parse(file).Select(o => o.Metadata.Name), Is.EqualTo(new[] { "sglambda-allow-from-instance" }));
            Assert.That(ClusterSnapshotParser.ParseNetworkPolicies(file).Single(), Is.EqualTo(NetworkPolicyFixtures.Policy("allow-from-instance.yaml")).Using<KubernetesNetworkPolicy>(
                (a, b) => KubernetesNetworkPolicyParser.ToJsonNode(a).ToJsonString() == KubernetesNetworkPolicyParser.ToJsonNode(b).ToJsonString()));
        });
    }
}
