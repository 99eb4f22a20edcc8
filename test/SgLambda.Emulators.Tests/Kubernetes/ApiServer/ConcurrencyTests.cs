using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Concurrent clients see one consistent store: every write its own resourceVersion, one winner per version.</summary>
public class ConcurrencyTests : EmulatorTest
{
    [Test]
    public async Task Parallel_writes_each_get_their_own_resourceVersion()
    {
        var start = long.Parse(Emulator.ResourceVersion, CultureInfo.InvariantCulture);
        var writes = Enumerable.Range(0, 40).Select(index => Client.ApplyAsync(Path(V1, "globalnetworksets", $"pl-{index}"), NetworkSet(V1, $"pl-{index}"), "sglambda"));
        var answers = await Task.WhenAll(writes);
        Assert.That(answers.Select(answer => answer.Code), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(answers.Select(answer => answer.ResourceVersion).Distinct().Count(), Is.EqualTo(40));
        Assert.That(long.Parse(Emulator.ResourceVersion, CultureInfo.InvariantCulture), Is.EqualTo(start + 40));
        Assert.That(Emulator.List(V1, "GlobalNetworkSet"), Has.Count.EqualTo(40));
    }

    [Test]
    public async Task Of_concurrent_updates_from_the_same_resourceVersion_exactly_one_wins()
    {
        var created = await Client.PostAsync(Path(V1, "tiers"), Tier(V1, "t", 1));
        var updates = Enumerable.Range(2, 20).Select(order =>
        {
            var body = created.Body.DeepClone().AsObject();
            body["spec"]!["order"] = order;
            return Client.PutAsync(Path(V1, "tiers", "t"), body.ToJsonString());
        });
        var answers = await Task.WhenAll(updates);
        Assert.That(answers.Count(answer => answer.Code == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(answer => answer.Code == HttpStatusCode.Conflict), Is.EqualTo(19));
        var winner = answers.Single(answer => answer.Code == HttpStatusCode.OK);
        Assert.That(JsonNode.DeepEquals(Emulator.Get(V1, "Tier", null, "t")!["spec"], winner.Body["spec"]), Is.True);
    }
}
