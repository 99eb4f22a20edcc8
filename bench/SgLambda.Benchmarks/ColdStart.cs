using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SgLambda.Emulators.Lambda;

namespace SgLambda.Benchmarks;

/// <summary>
/// Cold start of the Lambda bootstrap, Native AOT against JIT (<c>dotnet SgLambda.Functions.dll</c>, the same
/// Runtime API loop): process start to first response, against the loopback Runtime API, with the change
/// handler in offline mode (the tutorial's AWS snapshot, an empty cluster file) serving
/// infra/events/ec2-authorize-security-group-ingress.json. Each run is a new process and a new emulator;
/// one discarded run per build first (warms the page cache). Prints min and median per build.
/// </summary>
public static class ColdStart
{
    public const string Flag = "--cold-start";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary><c>--cold-start [--runs N] [--aot PATH/bootstrap] [--jit PATH/SgLambda.Functions.dll]</c>; builds what is not given.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = RepositoryRoot();
        var runs = Option(args, "--runs") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 10;
        var aot = Option(args, "--aot") ?? await PublishAsync(root, aot: true);
        var jit = Option(args, "--jit") ?? await PublishAsync(root, aot: false);
        ColdStartTarget[] targets =
        [
            new("Native AOT", aot, []),
            new("JIT", "dotnet", [jit]),
        ];

        var tutorial = Path.Combine(root, "infra", "examples", "tutorial");
        var eventJson = await File.ReadAllTextAsync(Path.Combine(root, "infra", "events", "ec2-authorize-security-group-ingress.json"));
        Console.WriteLine(Machine());
        Console.WriteLine(Invariant($"{runs} runs per build (after one discarded run), each a new process; times from just before Process.Start.\n"));
        Console.WriteLine("| build | init (to first next) min / median | first response min / median | second invocation min / median | peak RSS median |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var target in targets)
        {
            await MeasureAsync(target, tutorial, eventJson);
            var samples = new List<ColdStartSample>();
            for (var run = 0; run < runs; run++) samples.Add(await MeasureAsync(target, tutorial, eventJson));
            Console.WriteLine(Invariant(
                $"| {target.Name} | {Ms(samples.Min(s => s.Init))} / {Ms(Median(samples.Select(s => s.Init)))} | {Ms(samples.Min(s => s.FirstResponse))} / {Ms(Median(samples.Select(s => s.FirstResponse)))} | {Ms(samples.Min(s => s.SecondInvocation))} / {Ms(Median(samples.Select(s => s.SecondInvocation)))} | {MedianOf(samples.Select(s => s.PeakRssMiB)):F0} MiB |"));
        }
        Console.WriteLine(Invariant($"\nbinaries: {aot} ({new FileInfo(aot).Length / (1024.0 * 1024):F1} MiB), {jit}"));
        return 0;
    }

    private static async Task<ColdStartSample> MeasureAsync(ColdStartTarget target, string tutorial, string eventJson)
    {
        var folder = Directory.CreateTempSubdirectory("sglambda-cold-start-").FullName;
        try
        {
            var cluster = Path.Combine(folder, "cluster.json");
            await File.WriteAllTextAsync(cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
            await using var emulator = await RuntimeApiEmulator.StartAsync();
            var first = emulator.Enqueue(eventJson);
            var start = new ProcessStartInfo(target.FileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in target.Arguments) start.ArgumentList.Add(argument);
            start.Environment["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApi;
            start.Environment["_HANDLER"] = "SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync";
            start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "sglambda-change-handler";
            start.Environment["SGLAMBDA_OFFLINE_AWS_SNAPSHOT"] = tutorial;
            start.Environment["SGLAMBDA_OFFLINE_CLUSTER_SNAPSHOT"] = cluster;

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            // The function's JSON logs are drained, so the pipe never blocks it.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await emulator.FirstNextRequest.WaitAsync(Patience);
                var init = clock.Elapsed;
                var answer = await first.WaitAsync(Patience);
                var firstResponse = clock.Elapsed;
                if (!answer.Succeeded) throw new InvalidOperationException($"{target.Name}: the first invocation failed: {answer.Error}");

                var secondStarted = clock.Elapsed;
                var second = await emulator.Enqueue(eventJson).WaitAsync(Patience);
                var secondInvocation = clock.Elapsed - secondStarted;
                if (!second.Succeeded) throw new InvalidOperationException($"{target.Name}: the second invocation failed: {second.Error}");
                return new ColdStartSample(init, firstResponse, secondInvocation, PeakRssMiB(process.Id));
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Publishes the bootstrap (AOT: the <c>bootstrap</c> file; JIT: the framework-dependent dll) in Release.</summary>
    private static async Task<string> PublishAsync(string root, bool aot)
    {
        var project = Path.Combine(root, "src", "SgLambda.Functions");
        var output = aot
            ? Path.Combine(project, "bin", "Release", "net10.0", "linux-x64", "publish")
            : Path.Combine(project, "bin", "Release", "net10.0", "publish");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        string[] arguments = aot
            ? ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output]
            : ["publish", project, "-c", "Release", "-o", output];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Console.WriteLine("dotnet " + string.Join(' ', arguments));
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed with exit code {process.ExitCode}");
        return Path.Combine(output, aot ? "bootstrap" : "SgLambda.Functions.dll");
    }

    private static double PeakRssMiB(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status)) return double.NaN;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    internal static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        return Invariant($"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {load}");
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)MedianOf(values.Select(v => (double)v.Ticks)));

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(TimeSpan value) => Invariant($"{value.TotalMilliseconds:F0} ms");

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SgLambda.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("SgLambda.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
