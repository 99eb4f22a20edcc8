namespace SgLambda.Cli.Tests;

/// <summary><c>demo</c> runs the tutorial on the emulators and tells its story (one run shared by the tests).</summary>
public sealed class DemoCommandTests
{
    private static readonly Lazy<CliResult> Run = new(() => CliResult.Run("demo"));

    [Test]
    public void Every_verdict_is_the_tutorials_and_the_exit_code_says_so()
    {
        Assert.That(Run.Value.ExitCode, Is.Zero, Run.Value.Stdout + Run.Value.Stderr);
        Assert.That(Run.Value.Stdout, Does.Contain("Every verdict is the tutorial's."));
        Assert.That(Run.Value.Stdout, Does.Not.Contain("MISMATCH"));
    }

    [Test]
    public void The_story_goes_denied_then_allowed_by_annotation_then_denied_by_default_deny_then_allowed_by_sg_network_policy()
    {
        var stdout = Run.Value.Stdout;
        var step1 = Section(stdout, "Step 1:", "Step 2:");
        var step2 = Section(stdout, "Step 2:", "Step 3:");
        var step3 = Section(stdout, "Step 3:", "Step 4:");

        Assert.That(step1, Does.Match(@"ec2-instance\s+integration-demo/pod-tester\s+80/tcp\s+denied"));
        Assert.That(step2, Does.Match(@"ec2-instance\s+integration-demo/pod-tester\s+80/tcp\s+allowed\s+as told"));
        Assert.That(step2, Does.Contain("allowed by pod-sg sgr-"));
        Assert.That(step3, Does.Match(@"ec2-instance\s+integration-demo/pod-tester\s+80/tcp\s+denied\s+as told\s+default: deny"));
        var step4 = Section(stdout, "Step 4:", "Every verdict");
        Assert.That(step4, Does.Match(@"NetworkPolicy\s+integration-demo/sglambda-allow-from-instance\s+created"), "the reconciler writes the companion");
        Assert.That(step4, Does.Match(@"ec2-instance\s+integration-demo/pod-tester\s+80/tcp\s+allowed\s+as told\s+default: allow \(integration-demo/sglambda-allow-from-instance"));
    }

    [Test]
    public void The_events_of_the_aws_calls_reach_the_change_handler_and_it_writes_the_new_sgs_policies()
    {
        var step1 = Section(Run.Value.Stdout, "Step 1:", "Step 2:");

        Assert.That(step1, Does.Contain("EventBridge -> change handler: CreateSecurityGroup, CreateSecurityGroup, AuthorizeSecurityGroupIngress, RunInstances"));
        Assert.That(step1, Does.Match(@"GlobalNetworkPolicy\s+sg-local\.sg-[0-9a-f]+\s+created"));
        Assert.That(step1, Does.Match(@"HostEndpoint\s+eni-[0-9a-f]+\s+created"), "the instance's ENI becomes a VPC member");
    }

    [Test]
    public void The_webhook_labels_the_pod_with_its_sgs_and_the_pod_default()
    {
        var step2 = Section(Run.Value.Stdout, "Step 2:", "Step 3:");

        Assert.That(step2, Does.Match(@"the webhook sets labels sg\.aws\.tigera\.io/sg-[0-9a-f]+, sg\.aws\.tigera\.io/sg-[0-9a-f]+"));
        Assert.That(step2, Does.Contain("Calico objects written: none"));
    }

    [Test]
    public void The_pod_writes_go_through_the_webhook_function_on_its_function_url()
    {
        var verbose = CliResult.Run("demo", "--no-color", "--verbose");

        Assert.That(verbose.ExitCode, Is.Zero, verbose.Stderr);
        var admissions = verbose.Stdout.Split('\n')
            .Where(line => line.Contains("\"function\":\"sglambda-admission-webhook\"", StringComparison.Ordinal))
            .ToList();
        Assert.That(admissions, Has.Count.EqualTo(2), "the CREATE and the annotate UPDATE");
        Assert.That(admissions[0], Does.Contain("\"operation\":\"CREATE\"").And.Contain("\"method\":\"POST\""));
        Assert.That(admissions[1], Does.Contain("\"operation\":\"UPDATE\"").And.Contain("\"allowed\":true"));
    }

    [Test]
    public void Output_is_deterministic_and_has_no_colour_when_redirected()
    {
        var again = CliResult.Run("demo", "--no-color");

        Assert.That(again.Stdout, Is.EqualTo(Run.Value.Stdout));
        Assert.That(Run.Value.Stdout, Does.Not.Contain("\u001b["));
    }

    private static string Section(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, start + 1, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no \"{from}\" in:\n{text}");
        return end < 0 ? text[start..] : text[start..end];
    }
}
