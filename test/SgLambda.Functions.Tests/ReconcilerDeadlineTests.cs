using System.Globalization;
using System.Text.Json.Nodes;
using SgLambda.Core.Planning;
using SgLambda.Core.Sync;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions.Tests;

/// <summary>A reconcile that does not fit in its invocation stops cleanly and the next invocation continues.</summary>
public class ReconcilerDeadlineTests
{
    [Test]
    public async Task An_invocation_too_short_to_write_reports_partial_and_the_next_one_finishes_the_sync()
    {
        var (snapshot, config) = SyntheticAccount.Generate(20, 80, 3);
        var store = new InMemoryCalicoStore();
        var inventory = new SnapshotInventory(snapshot, config);
        using var log = new StringWriter(CultureInfo.InvariantCulture);
        var reconciler = new Reconciler(new SyncEngine(inventory, inventory, store, config), new StructuredLogger(log, LogLevel.Debug, TimeProvider.System), TimeProvider.System);

        // Less than the 20 s the writes in flight are given: no write begins.
        var cut = await InvokeAsync(reconciler, TimeSpan.FromSeconds(15));
        Assert.That(cut["status"]!.GetValue<string>(), Is.EqualTo(HandlerResponse.PartialStatus));
        Assert.That(cut["applied"]!.GetValue<int>(), Is.Zero);
        Assert.That(cut["reason"]!.GetValue<string>(), Does.EndWith("writes left for the next run"));
        Assert.That(store.Writes, Is.Zero);

        var next = await InvokeAsync(reconciler, TimeSpan.FromSeconds(300));
        Assert.That(next["status"]!.GetValue<string>(), Is.EqualTo(HandlerResponse.AppliedStatus));
        Assert.That(Planner.Diff(Translator.Render(snapshot, config).Objects, store.Objects).IsEmpty, Is.True);
    }

    private static async Task<JsonObject> InvokeAsync(Reconciler reconciler, TimeSpan remaining)
    {
        using var input = new MemoryStream("{}"u8.ToArray());
        await using var output = await reconciler.InvokeAsync(input, new TestLambdaContext { FunctionName = "sglambda-reconciler", RemainingTime = remaining });
        return (JsonObject)JsonNode.Parse(output)!;
    }
}
