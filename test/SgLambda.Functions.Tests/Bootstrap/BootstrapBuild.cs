using System.Diagnostics;
using System.Text;

namespace SgLambda.Functions.Tests.Bootstrap;

/// <summary>
/// The two builds of the bootstrap a process test runs: the JIT build (<c>dotnet SgLambda.Functions.dll</c>, beside
/// the tests) and the Native AOT <c>bootstrap</c>. The AOT binary is <c>SGLAMBDA_AOT_BOOTSTRAP</c> when set (a binary
/// built once, e.g. by CI), else published here once per test run (about a minute; incremental afterwards).
/// </summary>
internal static class BootstrapBuild
{
    public const string Jit = "jit";
    public const string Aot = "aot";
    public const string AotBootstrapVariable = "SGLAMBDA_AOT_BOOTSTRAP";

    private static readonly Lazy<Task<string>> AotBinary = new(PublishAotAsync);

    /// <summary>How to start the build: file name and leading arguments.</summary>
    public static async Task<(string FileName, string[] Arguments)> CommandAsync(string build) => build switch
    {
        Jit => ("dotnet", [Path.Combine(TestContext.CurrentContext.TestDirectory, "SgLambda.Functions.dll")]),
        Aot => (await AotBinary.Value, []),
        _ => throw new ArgumentOutOfRangeException(nameof(build), build, "jit or aot"),
    };

    private static async Task<string> PublishAotAsync()
    {
        if (Environment.GetEnvironmentVariable(AotBootstrapVariable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"{AotBootstrapVariable} names no file", given);
        }

        var project = Path.Combine(RepositoryFiles.Root, "src", "SgLambda.Functions");
        var output = Path.Combine(project, "bin", "Release", "net10.0", "linux-x64", "publish");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output,
                     // No build servers: they would outlive the test and hold its output pipes open.
                     "-nodeReuse:false", "-p:UseSharedCompilation=false"])
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "false";
        // The test host runs under `dotnet test`: its MSBuild variables are not for this build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        log.Append(await stdout).Append(await stderr);
        var binary = Path.Combine(output, "bootstrap");
        if (process.ExitCode != 0 || !File.Exists(binary))
            throw new InvalidOperationException($"dotnet publish -p:PublishAot=true failed (exit {process.ExitCode}):\n{log}");
        return binary;
    }
}
