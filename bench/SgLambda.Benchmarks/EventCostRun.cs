using System.Globalization;

namespace SgLambda.Benchmarks;

/// <summary>
/// <see cref="EventCostBenchmarks"/> without BenchmarkDotNet, so each event can be split: its wall time, the
/// time the in-process emulators spent serving its calls (they scan every object for a filtered read, where the
/// real services use indexes), and the rest, SgLambda's own time. Sizes are measured alternately, several rounds,
/// and the minimum of each kept, since the machine is shared.
/// </summary>
public static class EventCostRun
{
    public const string Flag = "--event-cost";
    private static readonly int[] Sizes = [100, 10_000];

    /// <summary><c>--event-cost [--events 40] [--rounds 3]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var events = Option(args, "--events") ?? 40;
        var rounds = Option(args, "--rounds") ?? 3;
        var accounts = Sizes.Select(size => new EventCostBenchmarks { SecurityGroups = size }).ToList();
        try
        {
            foreach (var account in accounts)
            {
                account.Setup();
                for (var i = 0; i < 10; i++) await account.OneRuleChangeEvent();
                account.Samples.Clear();
            }
            for (var round = 0; round < rounds; round++)
            {
                foreach (var account in accounts)
                {
                    for (var i = 0; i < events; i++) await WithoutCollectionAsync(account.OneRuleChangeEvent);
                }
            }
            Console.WriteLine("| SGs | events | wall min | wall median | emulators' part (median) | SgLambda's own min | own median | GC pauses in the event (median, mean) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var account in accounts)
            {
                var samples = account.Samples;
                Console.WriteLine(FormattableString.Invariant(
                    $"| {account.SecurityGroups:N0} | {samples.Count} | {Ms(samples.Min(s => s.Wall))} | {Ms(Median(samples.Select(s => s.Wall)))} | {Ms(Median(samples.Select(s => s.EmulatorService)))} | {Ms(samples.Min(s => s.Own))} | {Ms(Median(samples.Select(s => s.Own)))} | {Ms(Median(samples.Select(s => s.GcPause)))}, {samples.Average(s => s.GcPause.TotalMilliseconds):F1} ms |"));
            }
            var ratio = Median(accounts[1].Samples.Select(s => s.Own)) / Median(accounts[0].Samples.Select(s => s.Own));
            Console.WriteLine(FormattableString.Invariant($"\nown time, 10,000 SGs against 100 (medians): {ratio:F2}x; {Environment.ProcessorCount} cores, {Environment.Version}"));
        }
        finally
        {
            foreach (var account in accounts) account.Cleanup();
        }
        return 0;
    }

    // The emulators' state lives in this process: at 10,000 SGs about 40,000 cluster objects and 20,000 instances,
    // a heap a hundred times SgLambda's own, which every collection during an event must walk. So each event runs
    // in a no-GC region (collected before, outside the timing): what is left is the work itself, on both sizes.
    private static async Task WithoutCollectionAsync(Func<Task> oneEvent)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var region = GC.TryStartNoGCRegion(NoCollectionBytes);
        try
        {
            await oneEvent();
        }
        finally
        {
            if (region && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }

    private const long NoCollectionBytes = 200L * 1024 * 1024;

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }
}
