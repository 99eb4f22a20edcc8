using System.Text.Json.Nodes;
using SgLambda.Diagnostics.Doctor;

namespace SgLambda.Cli.Tests;

/// <summary><c>doctor</c> on snapshot files: the tutorial's account against its own render.</summary>
public sealed class DoctorOfflineTests
{
    private static string Tutorial => RepositoryPaths.Tutorial;

    private static string RenderedCluster()
    {
        var rendered = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "-o", "json"));
        Assert.That(rendered.ExitCode, Is.Zero, rendered.Stderr);
        var path = Path.Combine(Path.GetTempPath(), $"sglambda-doctor-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, rendered.Stdout);
        return path;
    }

    /// <summary>Issue 11: on the tutorial's data, pod-tester annotated with pod-sg loses the EKS control plane (AWS agrees).</summary>
    [Test]
    public void With_pods_doctor_names_the_annotated_pod_that_cannot_reach_the_kubernetes_api()
    {
        var cluster = RenderedCluster();
        try
        {
            var pods = Path.Combine(RepositoryPaths.Root, "test", "SgLambda.Cli.Tests", "Explain", "pods.json");
            var result = CliResult.Run("doctor", "--aws-snapshot", Tutorial, "--cluster-snapshot", cluster, "--pods", pods, "-o", "json");

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.ProblemsFound), result.Stderr);
            var check = JsonNode.Parse(result.Stdout)!["checks"]!.AsArray().Single(c => c!["check"]!.GetValue<string>() == CheckIds.PodReach)!;
            var findings = check["findings"]!.AsArray();
            Assert.That(findings.Select(f => (f!["id"]!.GetValue<string>(), f["subject"]!.GetValue<string>())),
                Is.EqualTo(new[] { (FindingIds.PodApiUnreachable, "integration-demo/pod-tester") }), "the unannotated web pods are in the node SGs, which the control plane admits");
            Assert.That(findings[0]!["fix"]!.GetValue<string>(), Does.Contain("PodsReachControlPlane=true"));
        }
        finally
        {
            File.Delete(cluster);
        }
    }

    [Test]
    public void The_tutorial_against_its_render_lacks_only_the_trust_sg_on_the_control_plane_and_skips_what_is_not_given()
    {
        var cluster = RenderedCluster();
        try
        {
            var result = CliResult.Run("doctor", "--aws-snapshot", Tutorial, "--cluster-snapshot", cluster, "-o", "json");

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.ProblemsFound), result.Stderr);
            var checks = JsonNode.Parse(result.Stdout)!["checks"]!.AsArray();
            var findings = checks.SelectMany(c => c!["findings"]!.AsArray()).ToList();
            Assert.That(findings.Select(f => f!["id"]!.GetValue<string>()), Is.EqualTo(new[] { FindingIds.TrustSecurityGroupMissing, FindingIds.TrustSecurityGroupMissing }));
            Assert.That(findings[0]!["fix"]!.GetValue<string>(), Does.StartWith("aws eks update-cluster-config --name sglambda-tutorial --resources-vpc-config securityGroupIds="));
            Assert.That(checks.Where(c => c!["status"]!.GetValue<string>() == "skipped").Select(c => c!["check"]!.GetValue<string>()),
                Is.EqualTo(new[] { CheckIds.PodReach, CheckIds.WebhookConfigured, CheckIds.WebhookReachable, CheckIds.DeadLetterQueue, CheckIds.FunctionErrors }));
        }
        finally
        {
            File.Delete(cluster);
        }
    }

    [Test]
    public void A_webhook_configuration_file_is_checked_offline()
    {
        var cluster = RenderedCluster();
        var webhook = Path.Combine(RepositoryPaths.Root, "test", "SgLambda.Diagnostics.Tests", "Doctor", "Fixtures", "webhook-configuration.json");
        try
        {
            var result = CliResult.Run("doctor", "--aws-snapshot", Tutorial, "--cluster-snapshot", cluster, "--webhook-configuration", webhook, "-o", "json");
            var configured = JsonNode.Parse(result.Stdout)!["checks"]!.AsArray().Single(c => c!["check"]!.GetValue<string>() == CheckIds.WebhookConfigured)!;
            Assert.That(configured["status"]!.GetValue<string>(), Is.EqualTo("passed"));
        }
        finally
        {
            File.Delete(cluster);
        }
    }

    [Test]
    public void A_malformed_file_is_bad_input_with_exit_code_2()
    {
        var config = Path.Combine(Tutorial, "config.json");
        var result = CliResult.Run("doctor", "--aws-snapshot", Tutorial, "--cluster-snapshot", config);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(result.Stderr, Is.EqualTo($"error: {config}: $.kind: missing required field kind{Environment.NewLine}"));
    }

    [Test]
    public void Live_aws_without_a_config_is_a_usage_error()
    {
        var result = CliResult.Run("doctor", "--cluster-snapshot", "cluster.json");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(result.Stderr, Does.StartWith("error: --config: required when AWS is read live"));
    }
}
