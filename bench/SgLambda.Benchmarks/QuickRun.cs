using System.Diagnostics;
using System.Globalization;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Configuration;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Benchmarks;

/// <summary>
/// A single timed run per account size, without BenchmarkDotNet: wall time (Stopwatch), the process's CPU
/// time (less disturbed than wall time when other work shares the machine; it includes the GC's threads),
/// the time the GC paused the program, bytes allocated (GC.GetTotalAllocatedBytes) and the process's peak working set. With <c>--phases</c> it also times the
/// translation's steps one by one, to see which dominates.
/// </summary>
public static class QuickRun
{
    public const string Flag = "--quick";
    private const string PhasesFlag = "--phases";

    /// <summary><c>--quick [--sgs N --enis M] [--seed S] [--phases]</c>; without sizes, every benchmark size.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seed = Option(args, "--seed") ?? AccountSize.Seed;
        var sizes = Option(args, "--sgs") is { } sgs ? [new AccountSize(sgs, Option(args, "--enis") ?? sgs * 4)] : AccountSize.All;
        var phases = args.Contains(PhasesFlag, StringComparer.Ordinal);

        // Run the whole path on a small account first, twice, so the figures are closer to steady state
        // than to JIT compilation (the first size still pays some tiered recompilation).
        for (var round = 0; round < 2; round++)
        {
            var (warmSnapshot, warmConfig) = SyntheticAccount.Generate(100, 400, seed);
            var warm = Translator.Render(warmSnapshot, warmConfig).Objects;
            _ = CalicoSerializer.ToListJson(warm);
            _ = YamlWriter.Write(warm.Select(CalicoSerializer.ToJsonNode));
        }

        Print("| account | step | wall | cpu | GC pauses | allocated | result |");
        Print("|---|---|---:|---:|---:|---:|---|");
        foreach (var size in sizes)
        {
            var (snapshot, config) = Measure(size, "generate", () => SyntheticAccount.Generate(size.SecurityGroups, size.NetworkInterfaces, seed),
                r => Invariant($"{r.Snapshot.SecurityGroupRules.Count} SG rules, {r.Snapshot.NetworkInterfaces.Count} ENIs"));
            var result = Measure(size, "render", () => Translator.Render(snapshot, config),
                r => Invariant($"{r.Objects.Count} objects, {r.Warnings.Count} warnings"));
            if (phases) Phases(size, snapshot, config);
            Measure(size, "json list", () => CalicoSerializer.ToListJson(result.Objects), Chars);
            Measure(size, "yaml", () => YamlWriter.Write(result.Objects.Select(CalicoSerializer.ToJsonNode)), Chars);
        }
        using var process = Process.GetCurrentProcess();
        Print(Invariant($"\npeak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB, {Environment.ProcessorCount} cores, {Environment.Version}"));
        return 0;
    }

    /// <summary>Translator.Render's steps, each timed on its own (same calls, same order).</summary>
    private static void Phases(AccountSize size, AwsSnapshot snapshot, SgLambdaConfig config)
    {
        var context = Measure(size, "  context (indexes, rule ids, nodes)", () => TranslationContext.From(snapshot, config), _ => "");
        var warnings = new List<string>();
        var objects = Measure(size, "  fixed objects", () => FixedObjectRenderer.Render(context).ToList(), o => Invariant($"{o.Count} objects"));
        var groups = Measure(size, "  SGs of the VPC", () => Translator.SecurityGroupsOf(snapshot, config), g => Invariant($"{g.Count} SGs"));
        Measure(size, "  flatten rules", () => groups.Sum(g => RuleFlattener.Flatten(g, context, warnings).Count), n => Invariant($"{n} rules"));
        var policies = Measure(size, "  SG policies", () => groups.SelectMany(g =>
            {
                var rules = RuleFlattener.Flatten(g, context, warnings);
                return SecurityGroupPolicyRenderer.Render(g, rules, context).Concat(
                    RemoteSourceRules.Of(g.GroupId, rules, config).SelectMany(r => RemotePolicyRenderer.Render(r.Key, [r.Value], config)));
            }).ToList(),
            p => Invariant($"{p.Count} policies (sg-remote per contribution, not merged)"));
        var sets = Measure(size, "  network sets", () => context.PrefixLists.Values.Select(l => PrefixListRenderer.Render(l, context, warnings)).ToList(),
            s => Invariant($"{s.Count} sets (all lists)"));
        var endpoints = Measure(size, "  host endpoints", () => snapshot.NetworkInterfaces
            .Select(e => HostEndpointRenderer.Render(e, context, warnings)).OfType<HostEndpoint>().ToList(), e => Invariant($"{e.Count} endpoints"));
        Measure(size, "  index and sort", () => objects.Concat(policies).Concat(sets).Concat(endpoints)
            .ToDictionary(o => o.Key).Values.OrderBy(o => o.Key).ToList(), o => Invariant($"{o.Count} objects"));
    }

    private static T Measure<T>(AccountSize size, string step, Func<T> action, Func<T, string> describe)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = process.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        stopwatch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Print(Invariant($"| {size} | {step} | {stopwatch.Elapsed.TotalMilliseconds:F0} ms | {cpu.TotalMilliseconds:F0} ms | {paused.TotalMilliseconds:F0} ms | {allocated / (1024.0 * 1024):F1} MiB | {describe(result)} |"));
        return result;
    }

    private static string Chars(string text) => Invariant($"{text.Length / (1024.0 * 1024):F1} M chars");

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Print(string line) => Console.WriteLine(line);
}
