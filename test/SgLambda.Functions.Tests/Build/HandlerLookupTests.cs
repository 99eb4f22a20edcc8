using System.Diagnostics;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Lambda;
using SgLambda.Functions.Tests.Template;
using RepositoryFiles = SgLambda.Functions.Tests.Bootstrap.RepositoryFiles;
using BootstrapProcess = SgLambda.Functions.Tests.Bootstrap.BootstrapProcess;

namespace SgLambda.Functions.Tests.Build;

/// <summary>
/// Every Handler of template.yaml, resolved in the artifact <c>sam build</c> makes for that function
/// (<see cref="SamBuild"/>): by the managed runtime's lookup (here, and by infra-check's handlercheck.cs, an outside
/// judge), and by the Native AOT bootstrap that provided.al2023 runs with the same handler string in <c>_HANDLER</c>.
/// </summary>
public sealed class HandlerLookupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static IEnumerable<TestCaseData> Functions() =>
        SamTemplate.Load().FunctionNames.Select(name => new TestCaseData(name, (string)SamTemplate.Load().FunctionProperty(name, "Handler")!).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Functions))]
    public async Task The_managed_runtime_finds_the_handler_in_the_sam_built_artifact(string logicalId, string handler)
    {
        var artifacts = await SamBuild.ArtifactsAsync(logicalId, aot: false);

        Assert.That(ManagedRuntimeHandlerLookup.Problems(artifacts, handler), Is.Empty);
    }

    [TestCaseSource(nameof(Functions))]
    public async Task Infra_checks_handlercheck_finds_the_handler_in_the_sam_built_artifact(string logicalId, string handler)
    {
        var judge = InfraCheck.Require();
        var artifacts = await SamBuild.ArtifactsAsync(logicalId, aot: false);

        var (exitCode, output) = await RunAsync(judge, "dotnet", "run", "handlercheck.cs", "--", artifacts, handler);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("0 failure(s)"));
    }

    [TestCaseSource(nameof(Functions))]
    public async Task The_native_AOT_bootstrap_of_the_sam_built_artifact_resolves_the_handler(string logicalId, string handler)
    {
        var artifacts = await SamBuild.ArtifactsAsync(logicalId, aot: true);
        Assert.That(Directory.EnumerateFiles(artifacts).Select(Path.GetFileName), Is.EquivalentTo(new[] { "bootstrap" }),
            "provided.al2023 runs bootstrap; nothing else belongs in the artifact (no debug symbols, no second copy)");
        await using var runtime = await RuntimeApiEmulator.StartAsync();
        var folder = Directory.CreateTempSubdirectory("sglambda-handler-").FullName;
        var cluster = Path.Combine(folder, "cluster.json");
        await File.WriteAllTextAsync(cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
        using var process = BootstrapProcess.Start(Path.Combine(artifacts, "bootstrap"), [], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentVariables.RuntimeApi] = runtime.RuntimeApi,
            [EnvironmentVariables.Handler] = handler,
            [EnvironmentVariables.FunctionName] = logicalId,
            [EnvironmentVariables.OfflineAwsSnapshot] = RepositoryFiles.Tutorial,
            [EnvironmentVariables.OfflineClusterSnapshot] = cluster,
        });
        try
        {
            if (logicalId == nameof(AdmissionWebhook))
            {
                // Offline mode has no cluster to read Namespaces from: init fails after the handler resolved.
                var error = await runtime.InitError.WaitAsync(Patience);
                Assert.That(JsonNode.Parse(error.Body)!["errorMessage"]!.GetValue<string>(), Does.StartWith(EnvironmentVariables.ClusterEndpoint + ":"), process.Output);
                return;
            }

            var invocation = logicalId == nameof(ChangeHandler) ? RepositoryFiles.Event("ec2-authorize-security-group-ingress.json") : "{}";
            var outcome = await runtime.Enqueue(invocation).WaitAsync(Patience);
            Assert.That(outcome.Error, Is.Null, process.Output);
            Assert.That(process.Output, Does.Not.Contain(EnvironmentVariables.Handler + ":"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await stdout + await stderr);
    }
}
