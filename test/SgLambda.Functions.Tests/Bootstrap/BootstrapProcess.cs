using System.Diagnostics;
using System.Text;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>A bootstrap process (either build) with its output collected, killed on dispose if still running.</summary>
internal sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private BootstrapProcess(Process process)
    {
        _process = process;
    }

    public static async Task<BootstrapProcess> StartAsync(string build, IReadOnlyDictionary<string, string> environment)
    {
        var (fileName, arguments) = await BootstrapBuild.CommandAsync(build);
        return Start(fileName, arguments, environment);
    }

    /// <summary>A given executable (e.g. the <c>bootstrap</c> of one function's artifact) with its arguments.</summary>
    public static BootstrapProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var running = new BootstrapProcess(process);
        process.OutputDataReceived += (_, line) => running.Append(line.Data);
        process.ErrorDataReceived += (_, line) => running.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Standard output and error so far (JSON log lines), for assertions and failure messages.</summary>
    public string Output
    {
        get { lock (_gate) return _output.ToString(); }
    }

    /// <summary>The exit code once the process has ended by itself.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan patience)
    {
        await _process.WaitForExitAsync().WaitAsync(patience);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate) _output.AppendLine(line);
    }
}
