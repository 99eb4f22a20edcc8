using Amazon.Runtime;
using SgLambda.Emulators.Aws;
using SgLambda.Kubernetes;
using KubernetesFault = SgLambda.Emulators.Kubernetes.ApiServer.FaultKind;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// The end-to-end property, long: random mutations through the real EC2 client, each followed by its
/// events, with a fifth of the AWS and Kubernetes calls failing and reconciles interleaved; events that
/// failed are redelivered (as the queue retries them). At every healing checkpoint (faults off, failed
/// events redelivered, one reconcile) the cluster must equal render of AWS. SGLAMBDA_SOAK_MUTATIONS sets
/// the length (CI: 150; docs/performance.md: 1,000).
/// </summary>
public class SoakTests
{
    private const double FaultRate = 0.2;
    private const int ReconcileEvery = 50;
    private const int HealEvery = 250;

    private static int Mutations => int.TryParse(Environment.GetEnvironmentVariable("SGLAMBDA_SOAK_MUTATIONS"), out var n) && n > 0 ? n : 150;

    private static void FaultsOn(Harness harness)
    {
        harness.Aws.Faults.FailRandomly(FaultRate, FaultKind.Throttling, FaultKind.InternalError, FaultKind.Unavailable);
        harness.Cluster.Faults.SetProbability(KubernetesFault.TooManyRequests, FaultRate / 2);
        harness.Cluster.Faults.SetProbability(KubernetesFault.InternalError, FaultRate / 4);
        harness.Cluster.Faults.SetProbability(KubernetesFault.ServiceUnavailable, FaultRate / 4);
    }

    [Test]
    public async Task Under_a_fifth_of_calls_failing_every_healing_leaves_the_cluster_equal_to_render_of_aws()
    {
        const int seed = 41;
        var mutations = Mutations;
        // One retry: enough faults get through the clients to fail events, so redelivery is exercised.
        await using var harness = await Harness.StartAsync(seed, retries: 1);
        harness.SeedAccount();
        await harness.ReconcileAsync();
        var mutator = new Mutator(harness, seed);
        int redelivered = 0, failedReconciles = 0, checkpoints = 0, divergences = 0, healedByEventsAlone = 0;
        var divergent = new List<string>();

        async Task RedeliverAsync()
        {
            var failed = harness.FailedEventJson.ToList();
            harness.FailedEventJson.Clear();
            foreach (var json in failed)
            {
                redelivered++;
                try
                {
                    await harness.DeliverAsync(json);
                }
                catch (Exception e) when (e is AmazonServiceException or KubernetesRequestException or HttpRequestException or TaskCanceledException)
                {
                    harness.FailedEventJson.Add(json);
                }
            }
        }

        async Task HealAsync(int step)
        {
            harness.Aws.Faults.Clear();
            harness.Cluster.Faults.Clear();
            await RedeliverAsync();
            // A figure, not the property: did the redelivered events alone heal the cluster?
            if ((await harness.DifferenceFromRenderAsync()).IsEmpty) healedByEventsAlone++;
            await harness.ReconcileAsync();
            checkpoints++;
            var difference = await harness.DifferenceFromRenderAsync();
            if (!difference.IsEmpty)
            {
                divergences++;
                divergent.Add($"after mutation {step}: apply {string.Join(", ", difference.Apply.Select(o => o.Key))}; delete {string.Join(", ", difference.Delete.Select(d => d.Key))}");
            }
            FaultsOn(harness);
        }

        FaultsOn(harness);
        for (var step = 1; step <= mutations; step++)
        {
            await mutator.StepAsync();
            await harness.DeliverEventsAsync();
            if (step % ReconcileEvery == 0)
            {
                try
                {
                    await harness.ReconcileAsync();
                }
                catch (Exception e) when (e is AmazonServiceException or KubernetesRequestException or HttpRequestException or TaskCanceledException)
                {
                    failedReconciles++;
                }
                await RedeliverAsync();
            }
            if (step % HealEvery == 0 && step < mutations) await HealAsync(step);
        }
        await HealAsync(mutations);

        var faults = harness.Aws.Faults.InjectedCount + harness.Cluster.Faults.InjectedCount;
        var changes = mutator.Log.Count(l => !l.StartsWith('(') && !l.StartsWith("refused", StringComparison.Ordinal));
        await TestContext.Out.WriteLineAsync(
            $"soak: {mutations} mutations ({changes} changed AWS), {harness.Delivered.Count} events delivered, faults injected {faults} "
            + $"(AWS {harness.Aws.Faults.InjectedCount}, Kubernetes {harness.Cluster.Faults.InjectedCount}), events failed {harness.FailedEvents.Count}, "
            + $"redelivered {redelivered}, reconciles failed {failedReconciles}, healing checkpoints {checkpoints} "
            + $"({healedByEventsAlone} already equal before their reconcile), divergences {divergences}");
        Assert.That(faults, Is.GreaterThan(mutations / 10), "faults must really have been injected");
        Assert.That(divergences, Is.Zero, string.Join("\n", divergent));
    }
}
