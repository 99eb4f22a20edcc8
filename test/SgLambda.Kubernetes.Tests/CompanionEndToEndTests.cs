using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Input;
using SgLambda.Core.Sync;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// The companion of the seed's <c>allow-from-instance</c> through the adapter against the API
/// emulator: the reconcile writes it (valid against Calico's CRD, owned by the NetworkPolicy's uid), the event
/// path never touches it, the reconcile deletes it when the annotation goes, and deleting the NetworkPolicy
/// deletes it (the garbage collector).
/// </summary>
public class CompanionEndToEndTests : StoreTest
{
    private const string Namespace = "integration-demo";
    private const string Companion = "sglambda-allow-from-instance";

    private static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, .. parts]);
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln")) && File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"{Path.Combine(parts)} not found above {TestContext.CurrentContext.TestDirectory}");
        return "";
    }

    private static InputFile Tutorial(string file) => new(file, File.ReadAllText(RepositoryFile("infra", "examples", "tutorial", file)));

    private (SyncEngine Engine, SgLambdaConfig Config) Engine(string apiGroup)
    {
        var input = InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = Tutorial("sgs.json"),
            NetworkInterfaces = Tutorial("enis.json"),
            Vpcs = Tutorial("vpcs.json"),
            PrefixLists = Tutorial("pls.json"),
            Nodes = Tutorial("nodes.json"),
            SecurityGroupRules = Tutorial("sgrs.json"),
            Config = Tutorial("config.json"),
        });
        var config = input.Config with { CalicoApiGroup = apiGroup, AccountId = "111122223333", Region = "us-west-2" };
        var inventory = new SnapshotInventory(input.Snapshot, config);
        var engine = new SyncEngine(inventory, inventory, Store(apiGroup), config, new SyncEngineOptions
        {
            Companions = CompanionPolicies.Enabled(new KubernetesNetworkPolicyReader(Api, RecordingRetry())),
            TrustSecurityGroups = TrustSecurityGroupWrites.ReadOnly,
        });
        return (engine, config);
    }

    /// <summary><c>kubectl create namespace integration-demo</c> and <c>kubectl create -f allow-from-instance.yaml</c>.</summary>
    private async Task<V1NetworkPolicy> CreatePolicyAsync()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        var fixture = KubernetesYaml.Deserialize<V1NetworkPolicy>(File.ReadAllText(
            RepositoryFile("test", "SgLambda.Core.Tests", "NetworkPolicies", "Fixtures", "allow-from-instance.yaml")));
        // What a user writes: the API server assigns uid and resourceVersion.
        fixture.Metadata.Uid = null;
        fixture.Metadata.ResourceVersion = null;
        return await Client.NetworkingV1.CreateNamespacedNetworkPolicyAsync(fixture, Namespace);
    }

    private static async Task ReconcileAsync(SyncEngine engine) =>
        await engine.ApplyAsync(await engine.PlanReconcileAsync(CancellationToken.None), CancellationToken.None);

    [TestCase(CalicoApiGroups.ProjectCalicoV3)]
    [TestCase(CalicoApiGroups.CrdProjectCalicoV1)]
    public async Task Reconcile_writes_the_companion_and_deletes_it_when_the_annotation_goes(string apiGroup)
    {
        var (engine, _) = Engine(apiGroup);
        var policy = await CreatePolicyAsync();

        await ReconcileAsync(engine);

        var companion = Emulator.Get(apiGroup, "NetworkPolicy", Namespace, Companion);
        Assert.That(companion, Is.Not.Null, "the reconcile wrote the companion");
        var owner = companion!["metadata"]!["ownerReferences"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)owner["uid"], Is.EqualTo(policy.Metadata.Uid));
            Assert.That((string?)owner["kind"], Is.EqualTo("NetworkPolicy"));
            Assert.That((string?)companion["spec"]!["ingress"]![0]!["source"]!["namespaceSelector"], Is.EqualTo("global()"));
        });
        var second = await engine.PlanReconcileAsync(CancellationToken.None);
        Assert.That(second.Plan.Apply.Select(o => o.Key.ToString()), Is.Empty, "what the cluster hands back is what was written");

        // kubectl annotate networkpolicy allow-from-instance rules.networkpolicy.tigera.io/match-security-groups-
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["rules.networkpolicy.tigera.io/match-security-groups"] = null } } };
        await Client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), policy.Metadata.Name, Namespace);
        await ReconcileAsync(engine);

        Assert.That(Emulator.Get(apiGroup, "NetworkPolicy", Namespace, Companion), Is.Null, "the reconcile deleted the companion");
    }

    [Test]
    public async Task The_event_path_leaves_the_companion_alone_and_deleting_the_policy_collects_it()
    {
        var (engine, config) = Engine(CalicoApiGroups.ProjectCalicoV3);
        var policy = await CreatePolicyAsync();
        await ReconcileAsync(engine);
        var version = (string?)Emulator.Get(CalicoApiGroups.ProjectCalicoV3, "NetworkPolicy", Namespace, Companion)!["metadata"]!["resourceVersion"];

        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(RepositoryFile("infra", "events", "ec2-authorize-security-group-ingress.json"))!, "*.json"))
        {
            var report = await engine.PlanEventAsync(EventClassifier.Classify(File.ReadAllText(file), config), CancellationToken.None);
            Assert.That(report.Plan.Apply.OfType<NetworkPolicy>().Concat<object>(report.Plan.Delete.Where(d => d.Key.Kind == "NetworkPolicy")), Is.Empty, Path.GetFileName(file));
            await engine.ApplyAsync(report.Plan, CancellationToken.None);
        }
        Assert.That((string?)Emulator.Get(CalicoApiGroups.ProjectCalicoV3, "NetworkPolicy", Namespace, Companion)?["metadata"]?["resourceVersion"], Is.EqualTo(version));

        // kubectl delete networkpolicy allow-from-instance: Kubernetes' garbage collector deletes what it owns.
        await Client.NetworkingV1.DeleteNamespacedNetworkPolicyAsync(policy.Metadata.Name, Namespace);

        Assert.That(Emulator.Get(CalicoApiGroups.ProjectCalicoV3, "NetworkPolicy", Namespace, Companion), Is.Null);
    }
}
