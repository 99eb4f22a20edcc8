using System.Collections.Concurrent;
using System.Diagnostics;
using SgLambda.Functions.Tests.Bootstrap;

namespace SgLambda.Functions.Tests.Build;

/// <summary>
/// What <c>sam build</c> leaves in <c>.aws-sam/build/&lt;LogicalId&gt;</c> for a function of template.yaml
/// (<c>BuildMethod: makefile</c>): aws-lambda-builders' CustomMakeWorkflow runs <c>make --makefile Makefile
/// build-&lt;LogicalId&gt;</c> in the source folder (samconfig.toml: build_in_source) with <c>ARTIFACTS_DIR</c> set;
/// <c>AOT=true</c> in the environment passes through. infra-check's <c>sam-make-emulate.sh</c> runs it when it is
/// beside the repository (the outside judge), else the same command runs here. Each artifact is built once per run.
/// </summary>
internal static class SamBuild
{
    private static readonly ConcurrentDictionary<(string LogicalId, bool Aot), Lazy<Task<string>>> Artifacts = new();

    /// <summary>The folder <c>make build-&lt;LogicalId&gt;</c> filled (the managed build, or Native AOT).</summary>
    public static Task<string> ArtifactsAsync(string logicalId, bool aot) =>
        Artifacts.GetOrAdd((logicalId, aot), key => new Lazy<Task<string>>(() => BuildAsync(key.LogicalId, key.Aot))).Value;

    private static async Task<string> BuildAsync(string logicalId, bool aot)
    {
        var output = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sam-build", aot ? "aot" : "managed");
        Directory.CreateDirectory(output);
        var artifacts = Path.Combine(output, logicalId);
        var log = Path.Combine(output, logicalId + ".log");
        var judge = InfraCheck.Find();
        var start = judge is not null
            ? new ProcessStartInfo(Path.Combine(judge, "sam-make-emulate.sh")) { ArgumentList = { RepositoryFiles.Root, output, "in-source", logicalId } }
            : new ProcessStartInfo("/bin/sh")
            {
                // The same command as sam-make-emulate.sh, its log in the same place.
                ArgumentList = { "-c", "rm -rf \"$ARTIFACTS_DIR\" && mkdir -p \"$ARTIFACTS_DIR\" && exec make --makefile \"$1/Makefile\" \"build-$2\" >\"$3\" 2>&1", "sh", RepositoryFiles.Root, logicalId, log },
                Environment = { ["ARTIFACTS_DIR"] = artifacts },
            };
        start.WorkingDirectory = RepositoryFiles.Root;
        start.UseShellExecute = false;
        start.Environment["AOT"] = aot ? "true" : "";
        // Only the build's own settings: not the test host's MSBuild variables, and no build servers that
        // would outlive the build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(20));
        // sam-make-emulate.sh empties the folder first and does not pass make's exit code on: judge by what is there.
        var expected = Path.Combine(artifacts, aot ? "bootstrap" : "SgLambda.Functions.dll");
        if (process.ExitCode != 0 || !File.Exists(expected))
            throw new InvalidOperationException($"make build-{logicalId} (AOT={aot}) left no {Path.GetFileName(expected)}:\n" + (File.Exists(log) ? File.ReadAllText(log) : "(no log)"));
        return artifacts;
    }
}
