using System.Diagnostics;
using System.Globalization;
using SgLambda.Core.Input;
using SgLambda.TestSupport.Synthetic;
using SgLambda.Core.Translation;

namespace SgLambda.Benchmarks;

/// <summary>
/// The whole <c>sglambda render</c> command as a user runs it, against <c>Translator.Render</c> alone on the
/// same account, side by side in one run: writes the synthetic account as the AWS CLI and kubectl print it,
/// then in each round times Render in this process (on the parsed files, after a full GC) and the command
/// (<c>dotnet sglambda.dll render ... -o json</c>, then <c>-o yaml</c>, stdout to /dev/null) under
/// <c>/usr/bin/time -v</c> for wall time, CPU time and peak RSS. On a shared machine the minimum of each
/// column over the rounds is the figure to compare.
/// </summary>
public static class RenderCommandBench
{
    public const string Flag = "--render-command";

    /// <summary><c>--render-command [--sgs N --enis M] [--rounds R] [--cli PATH/sglambda.dll] [--keep DIR]</c>.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sgs = IntOption(args, "--sgs") ?? AccountSize.Largest.SecurityGroups;
        var enis = IntOption(args, "--enis") ?? sgs * 4;
        var rounds = IntOption(args, "--rounds") ?? 3;
        var cli = Option(args, "--cli")
            ?? Path.Combine(ColdStart.RepositoryRoot(), "src", "SgLambda.Cli", "bin", "Release", "net10.0", "sglambda.dll");
        if (!File.Exists(cli)) throw new InvalidOperationException($"{cli} not found: dotnet build src/SgLambda.Cli -c Release, or pass --cli");

        var folder = Option(args, "--keep") ?? Directory.CreateTempSubdirectory("sglambda-render-bench-").FullName;
        Directory.CreateDirectory(folder);
        var (snapshot, config) = SyntheticAccount.Generate(sgs, enis, AccountSize.Seed);
        long inputBytes = 0;
        foreach (var (name, content) in RenderInputWriter.Write(snapshot, config))
        {
            File.WriteAllBytes(Path.Combine(folder, name), content);
            if (name != RenderInputWriter.ConfigFile) inputBytes += content.Length;
        }

        Console.WriteLine(ColdStart.Machine());
        Console.WriteLine(Invariant($"account {sgs} SGs / {enis} ENIs (seed {AccountSize.Seed}): {inputBytes / (1024.0 * 1024):F1} MiB of input in {folder}"));
        Console.WriteLine(Invariant($"{rounds} rounds; each: Translator.Render in process, then the command with -o json, then -o yaml\n"));
        Console.WriteLine("| round | Translator.Render wall / CPU | render -o json wall / CPU / peak RSS | render -o yaml wall / CPU / peak RSS | json / Render (wall, CPU) | yaml / json (wall, CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var input = AwsSnapshotFolderInput(folder);
        var samples = new List<(TimeSpan Render, TimeSpan RenderCpu, CommandSample Json, CommandSample Yaml)>();
        using var self = Process.GetCurrentProcess();
        for (var round = 1; round <= rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = Translator.Render(input.Snapshot, input.Config);
            var renderWall = clock.Elapsed;
            self.Refresh();
            var renderCpu = self.TotalProcessorTime - cpuBefore;
            GC.KeepAlive(result);
            result = null;
            GC.Collect();
            var jsonRun = RunCommand(cli, folder, "json");
            var yamlRun = RunCommand(cli, folder, "yaml");
            samples.Add((renderWall, renderCpu, jsonRun, yamlRun));
            Console.WriteLine(Invariant(
                $"| {round} | {Ms(renderWall)} / {Ms(renderCpu)} | {jsonRun} | {yamlRun} | {jsonRun.Wall / renderWall:F2}, {jsonRun.Cpu / renderCpu:F2} | {yamlRun.Wall / jsonRun.Wall:F2}, {yamlRun.Cpu / jsonRun.Cpu:F2} |"));
        }
        var render = (Wall: samples.Min(s => s.Render), Cpu: samples.Min(s => s.RenderCpu));
        var json = (Wall: samples.Min(s => s.Json.Wall), Cpu: samples.Min(s => s.Json.Cpu));
        var yaml = (Wall: samples.Min(s => s.Yaml.Wall), Cpu: samples.Min(s => s.Yaml.Cpu));
        Console.WriteLine(Invariant(
            $"| min | {Ms(render.Wall)} / {Ms(render.Cpu)} | {Ms(json.Wall)} / {Ms(json.Cpu)} / {samples.Min(s => s.Json.PeakRssMiB):F0} MiB | {Ms(yaml.Wall)} / {Ms(yaml.Cpu)} / {samples.Min(s => s.Yaml.PeakRssMiB):F0} MiB | {json.Wall / render.Wall:F2}, {json.Cpu / render.Cpu:F2} | {yaml.Wall / json.Wall:F2}, {yaml.Cpu / json.Cpu:F2} |"));
        Console.WriteLine(Invariant($"\nload average after: {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static RenderInput AwsSnapshotFolderInput(string folder)
    {
        InputFile Read(string name) => new(name, File.ReadAllBytes(Path.Combine(folder, name)));
        return InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = Read(RenderInputWriter.SecurityGroupsFile),
            NetworkInterfaces = Read(RenderInputWriter.NetworkInterfacesFile),
            Vpcs = Read(RenderInputWriter.VpcsFile),
            PrefixLists = Read(RenderInputWriter.PrefixListsFile),
            Nodes = Read(RenderInputWriter.NodesFile),
            SecurityGroupRules = Read(RenderInputWriter.SecurityGroupRulesFile),
            Config = Read(RenderInputWriter.ConfigFile),
        });
    }

    private static CommandSample RunCommand(string cli, string folder, string format)
    {
        var stats = Path.Combine(folder, "time-" + format + ".txt");
        string File(string name) => Path.Combine(folder, name);
        var command = string.Join(' ', new[]
        {
            "exec /usr/bin/time -v -o", Quote(stats), "dotnet", Quote(cli), "render",
            "--security-groups", Quote(File(RenderInputWriter.SecurityGroupsFile)),
            "--network-interfaces", Quote(File(RenderInputWriter.NetworkInterfacesFile)),
            "--vpcs", Quote(File(RenderInputWriter.VpcsFile)),
            "--prefix-lists", Quote(File(RenderInputWriter.PrefixListsFile)),
            "--nodes", Quote(File(RenderInputWriter.NodesFile)),
            "--security-group-rules", Quote(File(RenderInputWriter.SecurityGroupRulesFile)),
            "--config", Quote(File(RenderInputWriter.ConfigFile)),
            "-o", format, "> /dev/null 2>", Quote(File("stderr-" + format + ".txt")),
        });
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"render -o {format} exited with {process.ExitCode}: {command}");
        return CommandSample.Parse(System.IO.File.ReadAllLines(stats));
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Ms(TimeSpan value) => Invariant($"{value.TotalMilliseconds:F0} ms");

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? IntOption(string[] args, string name) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
