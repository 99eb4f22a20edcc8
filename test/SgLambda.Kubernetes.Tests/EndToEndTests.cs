using System.Text.Json.Nodes;
using SgLambda.Core.Configuration;
using SgLambda.Core.Input;
using SgLambda.Core.Sync;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// The tutorial's AWS state reconciled into the emulator through the real adapter: every rendered object passes
/// the CRD schemas and Calico's checks, and a second reconcile plans nothing (what the cluster hands back is
/// what was rendered).
/// </summary>
public class EndToEndTests : StoreTest
{
    private static string Tutorial(string file)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra", "examples", "tutorial", file);
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln")) && File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"infra/examples/tutorial/{file} not found above {TestContext.CurrentContext.TestDirectory}");
        return "";
    }

    private static InputFile Read(string file) => new(file, File.ReadAllText(Tutorial(file)));

    [TestCase(CalicoApiGroups.ProjectCalicoV3)]
    [TestCase(CalicoApiGroups.CrdProjectCalicoV1)]
    public async Task Reconciling_the_tutorial_twice_writes_once(string apiGroup)
    {
        var input = InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = Read("sgs.json"),
            NetworkInterfaces = Read("enis.json"),
            Vpcs = Read("vpcs.json"),
            PrefixLists = Read("pls.json"),
            SecurityGroupRules = Read("sgrs.json"),
            Config = Read("config.json"),
        });
        var config = input.Config with { CalicoApiGroup = apiGroup };
        foreach (var node in (JsonNode.Parse(File.ReadAllText(Tutorial("nodes.json")))!["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            node["apiVersion"] ??= "v1";
            node["kind"] ??= "Node";
            Emulator.Seed(node);
        }
        var store = Store(apiGroup, pageSize: 3);
        var engine = new SyncEngine(new SnapshotInventory(input.Snapshot, config), new KubernetesNodeReader(Api, RecordingRetry()), store, config, SyncEngineOptions.CalicoOnly);

        var first = await engine.PlanReconcileAsync(CancellationToken.None);
        Assert.That(first.Plan.Apply, Is.Not.Empty);
        await engine.ApplyAsync(first.Plan, CancellationToken.None);
        var written = first.Plan.Apply.Count;
        var stored = new[] { "Tier", "GlobalNetworkPolicy", "HostEndpoint", "GlobalNetworkSet" }.Sum(kind => Emulator.List(apiGroup, kind).Count);
        Assert.That(stored, Is.EqualTo(written));

        var version = Emulator.ResourceVersion;
        var second = await engine.PlanReconcileAsync(CancellationToken.None);
        Assert.That(second.Plan.Apply.Select(value => value.Key.ToString()), Is.Empty, "objects read back differ from what was rendered");
        Assert.That(second.Plan.Delete, Is.Empty);
        await engine.ApplyAsync(second.Plan, CancellationToken.None);
        Assert.That(Emulator.ResourceVersion, Is.EqualTo(version));
    }
}
