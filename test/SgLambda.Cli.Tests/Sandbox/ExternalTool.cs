using System.Diagnostics;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary>A real client (terraform, aws, kubectl) run as a process with the sandbox's environment; absent ones are skipped, saying so.</summary>
internal static class ExternalTool
{
    /// <summary>The tool's path on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips the test (visibly) when the tool is not installed.</summary>
    public static string Require(string name)
    {
        var path = Find(name);
        if (path is null) Assert.Ignore($"{name} is not installed: this conformance suite is skipped (.ci/run installs it where a registry serves it)");
        return path!;
    }

    public static CliResult Run(string tool, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(tool, workingDirectory, environment, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>How every client is started: in the folder, with the environment, output read by the test.</summary>
    public static ProcessStartInfo StartInfo(string tool, string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }
}
