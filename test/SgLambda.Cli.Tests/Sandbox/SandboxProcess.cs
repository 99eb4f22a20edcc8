using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary>
/// <c>sglambda sandbox --dir</c> as a real process, as a script drives it: started, read until its <c>ready</c> line,
/// stopped with SIGTERM. Its stdout lines are kept for assertions.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();
    private readonly System.Text.StringBuilder _stderr = new();

    private SandboxProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>The folder of kubeconfig, aws.env, provider.tf and sandbox.json.</summary>
    public string Directory { get; }

    public JsonObject Info => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "sandbox.json")))!.AsObject();

    public string Output => string.Join('\n', _all);

    public static SandboxProcess Start(params string[] extraArgs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sglambda-sandbox-test-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SgLambdaCli).Assembly.Location);
        foreach (var arg in (string[])["sandbox", "--dir", directory, "--no-color", .. extraArgs]) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var sandbox = new SandboxProcess(process, directory);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                sandbox._lines.CompleteAdding();
                return;
            }
            sandbox._all.Enqueue(e.Data);
            sandbox._lines.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (sandbox._stderr) sandbox._stderr.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        sandbox.WaitForLine(line => line == "ready", StartTimeout);
        return sandbox;
    }

    /// <summary>Reads output lines until one matches (or fails after the timeout, or when the process ends).</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
                throw new AssertionException($"sandbox: no such line within {timeout}; output so far:\n{Output}\nstderr:\n{_stderr}");
            if (match(line)) return line;
        }
    }

    /// <summary>The environment of aws.env (endpoints, region, keys, KUBECONFIG) for a child process.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        File.ReadAllLines(Path.Combine(Directory, "aws.env"))
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    /// <summary>SIGTERM, then the exit code once the process has ended.</summary>
    public int Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) throw new AssertionException("the sandbox did not stop within 30 s of SIGTERM");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _lines.Dispose();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
