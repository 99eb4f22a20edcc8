using System.Collections.Concurrent;
using System.Diagnostics;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary>
/// A real client left running (<c>kubectl get -w</c>, <c>kubectl wait</c>) whose stdout and stderr lines the test
/// reads as they come; killed on dispose if still running.
/// </summary>
internal sealed class BackgroundTool : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _stdout = [];
    private readonly BlockingCollection<string> _stderr = [];
    private readonly ConcurrentQueue<string> _all = new();

    private BackgroundTool(Process process) => _process = process;

    public static BackgroundTool Start(string tool, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var process = new Process { StartInfo = ExternalTool.StartInfo(tool, workingDirectory, environment, args) };
        var running = new BackgroundTool(process);
        process.OutputDataReceived += (_, e) => running.Take(running._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => running.Take(running._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public string Output => string.Join('\n', _all);

    /// <summary>Reads stdout lines until one matches; fails (with everything printed so far) after the timeout or at the end.</summary>
    public string WaitForStdout(Func<string, bool> match, TimeSpan timeout) => WaitFor(_stdout, match, timeout);

    /// <summary>Reads stderr lines (kubectl's -v logs) until one matches.</summary>
    public string WaitForStderr(Func<string, bool> match, TimeSpan timeout) => WaitFor(_stderr, match, timeout);

    /// <summary>The exit code, once the process ends within the timeout.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw new AssertionException($"the client did not end within {timeout}; output so far:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private void Take(BlockingCollection<string> lines, string? line)
    {
        if (line is null)
        {
            lines.CompleteAdding();
            return;
        }
        _all.Enqueue(line);
        lines.Add(line);
    }

    private string WaitFor(BlockingCollection<string> lines, Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            string? line = null;
            var taken = left > TimeSpan.Zero && !lines.IsCompleted && lines.TryTake(out line, left);
            if (!taken) throw new AssertionException($"no such line within {timeout}; output so far:\n{Output}");
            if (match(line!)) return line!;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }
}
