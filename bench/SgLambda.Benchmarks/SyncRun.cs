using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using SgLambda.Core.Sync;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Emulators.Kubernetes.ApiServer;
using SgLambda.Emulators.Kubernetes.Calico;
using SgLambda.Kubernetes;

namespace SgLambda.Benchmarks;

/// <summary>
/// The reconciler's first full sync of a synthetic account into an empty cluster, then a reconcile with nothing
/// to do, against the Kubernetes API emulator with per-request latency and random 429s. The reconciler runs in
/// a child process (the same program, <see cref="ReconcilerFlag"/>), so its peak memory is its own; it reconciles
/// as the Reconciler function does (the AOT-safe HTTP store, bounded concurrency, runs that stop starting writes
/// 20 s before a deadline and are repeated until one completes). AWS is read from the generated snapshot in
/// memory (no EC2 emulator at this size): the figures are the cluster side.
/// </summary>
public static class SyncRun
{
    public const string Flag = "--sync";
    public const string ReconcilerFlag = "--sync-reconciler";
    private const string Token = "bench";
    private static readonly string[] Steps = ["first sync", "reconcile, nothing to do"];

    /// <summary>
    /// <c>--sync [--sgs N --enis M] [--latency-ms 10,50] [--throttle 0.01] [--concurrency 8] [--deadline-s 300] [--memory-mb 1024]</c>.
    /// The child's GC heap is capped as Lambda's runtime caps it in a function of <c>--memory-mb</c> (75% of the container's
    /// memory, .NET's default under a cgroup limit), so the peak working set is what the function would need.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sgs = Option(args, "--sgs") ?? 5_000;
        var enis = Option(args, "--enis") ?? sgs * 4;
        var latencies = (Text(args, "--latency-ms") ?? "10,50").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        var throttle = double.Parse(Text(args, "--throttle") ?? "0.01", CultureInfo.InvariantCulture);
        var concurrency = Option(args, "--concurrency") ?? 8;
        var deadline = Option(args, "--deadline-s") ?? 300;
        var memory = Option(args, "--memory-mb") ?? 1024;

        Print(Invariant($"account {sgs} SGs / {enis} ENIs, {concurrency} writes in flight, {throttle:P1} of requests answered 429 (Retry-After 1 s), runs of {deadline} s, GC heap capped as in a {memory} MB function"));
        Print("| latency | step | runs | wall | of which API server (latency and emulator) | reconciler CPU | objects written | requests | 429s | reconciler peak working set |");
        Print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var latency in latencies)
        {
            // Schema and CEL validation off: the emulator's CPU is not what is measured, and shares the machine.
            var crds = CalicoCrds.Locate(Environment.GetEnvironmentVariable(CalicoCrds.EnvironmentVariable), AppContext.BaseDirectory);
            await using var emulator = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions
            {
                CrdDirectory = crds, ValidateCustomResources = false, BearerToken = Token, RetainedRevisions = 10,
            });
            emulator.Faults.Latency = TimeSpan.FromMilliseconds(latency);
            emulator.Faults.SetProbability(FaultKind.TooManyRequests, throttle);

            using var child = Process.Start(ChildStart(emulator.BaseUrl, sgs, enis, concurrency, deadline, memory))!;
            var requestsBefore = 0;
            var throttledBefore = 0;
            var serviceBefore = TimeSpan.Zero;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                // Only the child's result lines (a dump or trace of the child writes its own lines here too).
                if (!line.StartsWith('{') || JsonNode.Parse(line) is not JsonObject result) continue;
                var requests = emulator.Requests.Total;
                var throttled = Throttled(emulator);
                // Summed over requests: with writes in flight at once it exceeds the wall time; for the lists of a
                // reconcile (one at a time) wall less this is the reconciler's own time.
                var service = emulator.Requests.ServiceTime;
                Print(Invariant($"| {latency} ms | {result["step"]} | {result["runs"]} | {result["seconds"]!.GetValue<double>():F1} s | {(service - serviceBefore).TotalSeconds:F1} s | {result["cpuSeconds"]!.GetValue<double>():F1} s | {result["written"]} | {requests - requestsBefore} | {throttled - throttledBefore} | {result["peakMiB"]!.GetValue<double>():F0} MiB |"));
                (requestsBefore, throttledBefore, serviceBefore) = (requests, throttled, service);
            }
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync(await child.StandardError.ReadToEndAsync());
                return child.ExitCode;
            }
        }
        Print(Invariant($"\n{Environment.ProcessorCount} cores, {Environment.Version}"));
        return 0;
    }

    /// <summary>The child: the reconciler's runs against the emulator at <c>args[1]</c>, one JSON line per step.</summary>
    public static async Task<int> ReconcileAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = new Uri(Text(args, "--url")!);
        var (snapshot, config) = SyntheticAccount.Generate(Option(args, "--sgs")!.Value, Option(args, "--enis")!.Value, AccountSize.Seed);
        var inventory = new SnapshotInventory(snapshot, config);
        using var api = new KubernetesHttpApi(url, new StaticTokenSource(Token), new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var store = new KubernetesCalicoStore(api, new KubernetesStoreOptions { ApiGroup = config.CalicoApiGroup });
        var engine = new SyncEngine(inventory, inventory, store, config) { MaxConcurrentWrites = Option(args, "--concurrency")!.Value };
        var deadline = TimeSpan.FromSeconds(Option(args, "--deadline-s")!.Value);

        foreach (var step in Steps)
        {
            var timer = Stopwatch.StartNew();
            TimeSpan cpuBefore;
            using (var before = Process.GetCurrentProcess()) cpuBefore = before.TotalProcessorTime;
            var runs = 0;
            var written = 0;
            ApplyOutcome outcome;
            do
            {
                runs++;
                // As the Reconciler function: stop starting writes 20 s before the invocation's deadline.
                using var stopStarting = new CancellationTokenSource(deadline - TimeSpan.FromSeconds(20));
                var report = await engine.PlanReconcileAsync(CancellationToken.None);
                outcome = await engine.ApplyAsync(report, CancellationToken.None, stopStarting.Token);
                written += outcome.Applied + outcome.Deleted;
            }
            while (!outcome.Complete && runs < 20);
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(new JsonObject
            {
                ["step"] = step, ["runs"] = runs, ["seconds"] = timer.Elapsed.TotalSeconds, ["written"] = written,
                ["peakMiB"] = self.PeakWorkingSet64 / (1024.0 * 1024),
                ["cpuSeconds"] = (self.TotalProcessorTime - cpuBefore).TotalSeconds,
            }.ToJsonString());
        }
        return 0;
    }

    private static ProcessStartInfo ChildStart(Uri url, int sgs, int enis, int concurrency, int deadline, int memoryMb)
    {
        // Under `dotnet run` the process is the apphost; under `dotnet x.dll` it is dotnet and needs the dll.
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // What .NET sets by itself in a Lambda function of memoryMb (a cgroup limit): a GC heap of 75% of it.
        start.Environment["DOTNET_GCHeapHardLimit"] = Invariant($"0x{(long)memoryMb * 1024 * 1024 * 3 / 4:X}");
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in new[]
        {
            ReconcilerFlag, "--url", url.ToString(), "--sgs", Invariant($"{sgs}"), "--enis", Invariant($"{enis}"),
            "--concurrency", Invariant($"{concurrency}"), "--deadline-s", Invariant($"{deadline}"),
        })
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    // Every 429 the emulator answered (each one a retry for the reconciler).
    private static int Throttled(KubernetesApiEmulator emulator) => emulator.Faults.Injected(FaultKind.TooManyRequests);

    private static int? Option(string[] args, string name) => Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Print(string line) => Console.WriteLine(line);
}
