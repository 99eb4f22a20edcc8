namespace SgLambda.Cli.Tests;

/// <summary>
/// Bad input and usage errors: exit code 2, nothing on stdout, and on stderr one line naming the file,
/// the place and what was expected (never a stack trace).
/// </summary>
public sealed class RenderErrorTests
{
    private static string BadInput(string file) => Path.Combine(RepositoryPaths.BadInput, file);

    private static void AssertInputError(CliResult result, string expectedError)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Is.EqualTo("error: " + expectedError + Environment.NewLine));
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var missing = Path.Combine(RepositoryPaths.BadInput, "no-such-file.json");

        AssertInputError(CliResult.Run(TutorialArguments.RenderWith("--network-interfaces", missing)), missing + ": no such file");
    }

    [Test]
    public void A_missing_optional_file_is_an_error_too()
    {
        var missing = Path.Combine(RepositoryPaths.BadInput, "no-such-directory", "nodes.json");

        AssertInputError(CliResult.Run(TutorialArguments.RenderWith("--nodes", missing)), missing + ": no such file");
    }

    [Test]
    public void A_directory_is_not_a_readable_file()
    {
        var result = CliResult.Run(TutorialArguments.RenderWith("--vpcs", RepositoryPaths.BadInput));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.StartWith($"error: {RepositoryPaths.BadInput}: cannot read the file: "));
        Assert.That(result.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Text_that_is_not_JSON_names_file_and_line()
    {
        var file = BadInput("truncated-sgs.json");
        var result = CliResult.Run(TutorialArguments.RenderWith("--security-groups", file));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.StartWith($"error: {file}:7: not valid JSON: "));
        Assert.That(result.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_wrong_type_names_file_line_path_and_expectation()
    {
        var file = BadInput("sgs-port-as-string.json");

        AssertInputError(CliResult.Run(TutorialArguments.RenderWith("--security-groups", file)),
            $"{file}:8: $.SecurityGroups[0].IpPermissions[0].FromPort: expected an integer, got the string \"80\"");
    }

    [Test]
    public void A_file_given_to_the_wrong_option_says_what_the_option_expects()
    {
        var enis = Path.Combine(RepositoryPaths.Tutorial, "enis.json");

        AssertInputError(CliResult.Run(TutorialArguments.RenderWith("--security-groups", enis)),
            $"{enis}:1: $: expected an object with SecurityGroups (the output of aws ec2 describe-security-groups), got an object with NetworkInterfaces");
    }

    [Test]
    public void A_bad_config_value_names_the_field_and_the_allowed_values()
    {
        var file = BadInput("config-unknown-api-group.json");

        AssertInputError(CliResult.Run(TutorialArguments.RenderWith("--config", file)),
            $"{file}:4: $.calicoApiGroup: unknown calicoApiGroup 'projectcalico.org/v1': expected projectcalico.org/v3 or crd.projectcalico.org/v1");
    }

    [TestCase("--security-groups")]
    [TestCase("--network-interfaces")]
    [TestCase("--config")]
    public void A_missing_required_option_is_a_usage_error(string option)
    {
        var result = CliResult.Run(TutorialArguments.RenderWith(option, null));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.Contain($"Option '{option}' is required."));
        Assert.That(result.Stderr, Does.Contain("Run 'sglambda render --help' for usage."));
    }

    [Test]
    public void An_unknown_output_format_is_a_usage_error()
    {
        var result = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "-o", "xml"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.Contain("'xml'"));
    }

    [Test]
    public void An_unknown_command_is_a_usage_error()
    {
        var result = CliResult.Run("rendr");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.Contain("Run 'sglambda --help' for usage."));
    }

    [Test]
    public void Help_is_not_an_error()
    {
        var result = CliResult.Run("render", "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Does.Contain("--security-groups"));
        Assert.That(result.Stderr, Is.Empty);
    }

    [Test]
    public void Translation_warnings_go_to_stderr_one_per_line_and_the_render_still_succeeds()
    {
        // Without pls.json, instance-sg's SSH rule names a prefix list the snapshot lacks: skipped, with a warning.
        var result = CliResult.Run(TutorialArguments.RenderWith("--prefix-lists", null));

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Does.Contain("kind: Tier"));
        var warnings = result.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(warnings, Is.Not.Empty);
        Assert.That(warnings, Has.All.StartWith("warning: "));
        Assert.That(warnings, Has.Some.Contains("pl-0c2e4a6b8d0f13579"));
    }
}
