using System.Diagnostics;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary>
/// The real Terraform and hashicorp/aws provider (from the machine's offline mirror) against <c>sglambda sandbox</c>:
/// the tutorial as a module through apply, a modification, plan with no changes after each, and destroy, without
/// <c>skip_requesting_account_id</c>. After each step the cluster holds exactly what a full render of the sandbox's
/// account makes (a dry-run reconcile has nothing to change).
/// </summary>
[NonParallelizable]
[Category(Category)]
public sealed class TerraformConformanceTests
{
    /// <summary>.ci/run runs this suite on its own, after the solution's tests (the slowest suite gets the machine alone).</summary>
    public const string Category = "Terraform";

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);

    [Test]
    public void The_tutorial_module_applies_modifies_plans_clean_and_destroys_and_the_cluster_follows()
    {
        var terraform = ExternalTool.Require("terraform");
        var cliConfig = OfflineCliConfiguration();
        using var sandbox = SandboxProcess.Start();
        var module = Path.Combine(sandbox.Directory, "module");
        Directory.CreateDirectory(module);
        File.Copy(Path.Combine(RepositoryPaths.Root, "test", "SgLambda.Cli.Tests", "Sandbox", "Terraform", "main.tf"), Path.Combine(module, "main.tf"));
        File.Copy(Path.Combine(sandbox.Directory, "provider.tf"), Path.Combine(module, "provider.tf"));
        var environment = new Dictionary<string, string>(sandbox.Environment, StringComparer.Ordinal)
        {
            ["TF_CLI_CONFIG_FILE"] = cliConfig,
            ["TF_IN_AUTOMATION"] = "1",
            ["TF_INPUT"] = "0",
            ["TF_VAR_sandbox_json"] = Path.Combine(sandbox.Directory, "sandbox.json"),
            ["CHECKPOINT_DISABLE"] = "1",
        };
        CliResult Terraform(params string[] args)
        {
            var result = ExternalTool.Run(terraform, module, environment, [.. args, "-no-color"]);
            TestContext.Out.WriteLine($"terraform {string.Join(' ', args)}: exit {result.ExitCode}");
            return result;
        }
        void Succeeds(CliResult result) => Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr + "\nsandbox:\n" + sandbox.Output);

        Succeeds(Terraform("init", "-input=false"));
        Succeeds(Terraform("apply", "-auto-approve", "-input=false"));
        var eni = Terraform("output", "-raw", "instance_eni").Stdout.Trim();
        sandbox.WaitForLine(l => l.Contains("HostEndpoint", StringComparison.Ordinal) && l.Contains(eni, StringComparison.Ordinal) && l.Contains("created", StringComparison.Ordinal), SettleTimeout);
        Assert.That(Terraform("plan", "-detailed-exitcode", "-input=false").ExitCode, Is.Zero, "no drift after apply");
        AssertClusterIsTheRenderOfTheAccount(sandbox);

        string[] modified = ["-var", "http_port=8080", "-var", "owner=security"];
        Succeeds(Terraform(["apply", "-auto-approve", "-input=false", .. modified]));
        var plan = Terraform(["plan", "-detailed-exitcode", "-input=false", .. modified]);
        Assert.That(plan.ExitCode, Is.Zero, "no drift after the modification:\n" + plan.Stdout + plan.Stderr);
        AssertClusterIsTheRenderOfTheAccount(sandbox);

        Succeeds(Terraform(["destroy", "-auto-approve", "-input=false", .. modified]));
        sandbox.WaitForLine(l => l.Contains("HostEndpoint", StringComparison.Ordinal) && l.Contains(eni, StringComparison.Ordinal) && l.Contains("deleted", StringComparison.Ordinal), SettleTimeout);
        AssertClusterIsTheRenderOfTheAccount(sandbox);

        Assert.That(sandbox.Output, Does.Not.Contain("unimplemented:"), "every call the provider made is emulated");
        Assert.That(sandbox.Output, Does.Not.Contain(" failed: "), "the change handler handled every event");
        Assert.That(sandbox.Terminate(), Is.Zero);
    }

    /// <summary>A dry-run reconcile of the whole account against the cluster (the same code as render) finds nothing to change once the events are handled.</summary>
    private static void AssertClusterIsTheRenderOfTheAccount(SandboxProcess sandbox)
    {
        var deadline = Stopwatch.StartNew();
        CliResult result;
        do
        {
            result = ExternalTool.Run("dotnet", RepositoryPaths.Root, sandbox.Environment,
                typeof(SgLambdaCli).Assembly.Location, "reconcile", "--config", Path.Combine(RepositoryPaths.Tutorial, "config.json"),
                "--kubeconfig", Path.Combine(sandbox.Directory, "kubeconfig"), "--dry-run");
            Assert.That(result.ExitCode, Is.Zero, result.Stdout + result.Stderr);
        }
        while (!result.Stdout.Contains("nothing to change", StringComparison.Ordinal) && deadline.Elapsed < SettleTimeout);
        Assert.That(result.Stdout, Does.Contain("nothing to change"), "the cluster differs from a render of the account:\n" + result.Stdout);
    }

    /// <summary>The Terraform CLI configuration that installs hashicorp/aws from the offline mirror (TF_CLI_CONFIG_FILE, or ../shared/tools/terraform-offline-config).</summary>
    private static string OfflineCliConfiguration()
    {
        // A preset TF_CLI_CONFIG_FILE naming no file (as some machines have) would send terraform to the registry.
        if (Environment.GetEnvironmentVariable("TF_CLI_CONFIG_FILE") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var tool = Path.Combine(RepositoryPaths.Root, "..", "shared", "tools", "terraform-offline-config");
        if (!File.Exists(tool)) Assert.Ignore("no Terraform provider mirror (TF_CLI_CONFIG_FILE unset, no ../shared/tools/terraform-offline-config): the Terraform conformance suite is skipped");
        var result = ExternalTool.Run(tool, RepositoryPaths.Root, new Dictionary<string, string>(StringComparer.Ordinal));
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return result.Stdout.Trim();
    }
}
