using System.Diagnostics;

namespace SgLambda.Cli.Tests;

/// <summary>The built sglambda as a real process: exit codes and streams as a shell sees them.</summary>
public sealed class RenderProcessTests
{
    private static CliResult RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SgLambdaCli).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }

    [Test]
    public void Rendering_the_tutorial_prints_the_golden_yaml_and_exits_0()
    {
        // Relative paths from the repository root, as in the tutorial's README.
        var result = RunProcess(TutorialArguments.Render(Path.Combine("infra", "examples", "tutorial")));

        Assert.That(result.Stderr, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryPaths.Golden, "tutorial.yaml"))));
    }

    [Test]
    public void Bad_input_exits_2_with_one_line_on_stderr_and_nothing_on_stdout()
    {
        var file = Path.Combine("test", "SgLambda.Cli.Tests", "BadInput", "sgs-port-as-string.json");
        var args = TutorialArguments.Render(Path.Combine("infra", "examples", "tutorial"));
        args[Array.IndexOf(args, "--security-groups") + 1] = file;

        var result = RunProcess(args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Is.EqualTo(
            $"error: {file}:8: $.SecurityGroups[0].IpPermissions[0].FromPort: expected an integer, got the string \"80\"\n"));
    }
}
