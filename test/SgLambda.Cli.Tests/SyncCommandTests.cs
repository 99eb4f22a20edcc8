using System.Text.Json.Nodes;

namespace SgLambda.Cli.Tests;

/// <summary><c>replay</c> and <c>reconcile</c> offline: an AWS snapshot folder and a cluster snapshot file.</summary>
public sealed class SyncCommandTests
{
    private string _cluster = "";

    private static string Events => Path.Combine(RepositoryPaths.Root, "infra", "events");

    [SetUp]
    public void EmptyCluster()
    {
        _cluster = Path.Combine(Path.GetTempPath(), $"sglambda-cluster-{Guid.NewGuid():N}.json");
        File.WriteAllText(_cluster, """{"apiVersion":"v1","kind":"List","items":[]}""");
    }

    [TearDown]
    public void RemoveCluster() => File.Delete(_cluster);

    private CliResult Reconcile(params string[] extra) =>
        CliResult.Run(["reconcile", "--aws-snapshot", RepositoryPaths.Tutorial, "--cluster-snapshot", _cluster, .. extra]);

    private CliResult Replay(string eventFile, params string[] extra) =>
        CliResult.Run(["replay", eventFile, "--aws-snapshot", RepositoryPaths.Tutorial, "--cluster-snapshot", _cluster, .. extra]);

    private static JsonObject Json(CliResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static int RenderedCount()
    {
        var render = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial, "-o", "json"));
        return JsonNode.Parse(render.Stdout)!["items"]!.AsArray().Count;
    }

    [Test]
    public void Reconcile_dry_run_against_an_empty_cluster_plans_every_rendered_object_and_writes_nothing()
    {
        var plan = Json(Reconcile("--dry-run", "-o", "json"));

        Assert.That(plan["apply"]!.AsArray(), Has.Count.EqualTo(RenderedCount()));
        Assert.That(plan["delete"]!.AsArray(), Is.Empty);
        Assert.That(plan["event"], Is.Null);
        Assert.That(plan["skipped"], Is.Null);
        Assert.That(File.ReadAllText(_cluster), Does.Contain("\"items\":[]"));
    }

    [Test]
    public void Reconcile_applies_to_the_cluster_snapshot_and_a_second_run_changes_nothing()
    {
        Assert.That(Reconcile().ExitCode, Is.Zero);
        Assert.That(JsonNode.Parse(File.ReadAllText(_cluster))!["items"]!.AsArray(), Has.Count.EqualTo(RenderedCount()));

        var second = Reconcile("--dry-run");
        Assert.That(second.Stdout, Does.Contain("reconcile: nothing to change"));
    }

    [Test]
    public void Reconcile_deletes_owned_orphans_and_leaves_foreign_objects()
    {
        Assert.That(Reconcile().ExitCode, Is.Zero);
        var items = JsonNode.Parse(File.ReadAllText(_cluster))!["items"]!.AsArray();
        var orphan = items.First(i => i!["kind"]!.GetValue<string>() == "HostEndpoint")!.DeepClone();
        orphan["metadata"]!["name"] = "eni-0deadbeef0000000";
        var foreign = orphan.DeepClone();
        foreign["metadata"]!["name"] = "eni-0notours00000000";
        foreign["metadata"]!["labels"] = new JsonObject { ["team"] = "network" };
        items.Add(orphan);
        items.Add(foreign);
        File.WriteAllText(_cluster, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items.DeepClone() }.ToJsonString());

        var plan = Json(Reconcile("--dry-run", "-o", "json"));

        Assert.That(plan["apply"]!.AsArray(), Is.Empty);
        Assert.That(plan["delete"]!.ToJsonString(), Is.EqualTo("""[{"kind":"HostEndpoint","name":"eni-0deadbeef0000000"}]"""));
    }

    [Test]
    public void Replay_of_a_rule_change_plans_exactly_the_policies_of_that_group()
    {
        Assert.That(Reconcile().ExitCode, Is.Zero);
        // The cluster lost pod-sg's policy and the sg-remote policy of the SG its rule names (as if the
        // AuthorizeSecurityGroupIngress had not been synced yet).
        var items = JsonNode.Parse(File.ReadAllText(_cluster))!["items"]!.AsArray();
        var kept = items.Where(i => i!["metadata"]!["name"]!.GetValue<string>() is var name
            && !name.EndsWith("sg-98765432109876", StringComparison.Ordinal) && name != "sg-remote.for-sg-12345678901234").Select(i => i!.DeepClone());
        File.WriteAllText(_cluster, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. kept]) }.ToJsonString());

        var plan = Json(Replay(Path.Combine(Events, "ec2-authorize-security-group-ingress.json"), "--dry-run", "-o", "json"));

        Assert.That(plan["event"]!["eventName"]!.GetValue<string>(), Is.EqualTo("AuthorizeSecurityGroupIngress"));
        Assert.That(plan["affected"]!["securityGroups"]!.ToJsonString(), Is.EqualTo("""["sg-98765432109876"]"""));
        Assert.That(plan["apply"]!.AsArray().Select(o => o!["metadata"]!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "sg-local.sg-98765432109876", "sg-remote.for-sg-12345678901234" }));
        Assert.That(plan["delete"]!.AsArray(), Is.Empty);
        Assert.That(plan["skipped"], Is.Null);
    }

    [Test]
    public void Every_sample_event_replays_without_error_and_prints_the_plan_shape()
    {
        Assert.That(Reconcile().ExitCode, Is.Zero);
        var files = Directory.GetFiles(Events, "*.json");
        Assert.That(files, Has.Length.GreaterThan(20));
        foreach (var file in files)
        {
            var plan = Json(Replay(file, "--dry-run", "-o", "json"));
            Assert.That(plan.Select(p => p.Key), Is.EqualTo(new[] { "event", "affected", "reason", "apply", "delete", "trustAttachments", "warnings", "skipped" }), file);
            // The snapshot already holds what every event describes: a replay changes nothing.
            Assert.That(plan["apply"]!.AsArray(), Is.Empty, file);
            Assert.That(plan["delete"]!.AsArray(), Is.Empty, file);
        }
    }

    [Test]
    public void A_trail_log_file_replays_each_record_in_order_and_prints_one_json_array()
    {
        // The cluster lacks pod-sg's policy and the sg-remote policy its rule goes to; the trail recorded the
        // rule change and an instance launch.
        Assert.That(Reconcile().ExitCode, Is.Zero);
        var items = JsonNode.Parse(File.ReadAllText(_cluster))!["items"]!.AsArray();
        var kept = items.Where(i => i!["metadata"]!["name"]!.GetValue<string>() is var name
            && !name.EndsWith("sg-98765432109876", StringComparison.Ordinal) && name != "sg-remote.for-sg-12345678901234").Select(i => i!.DeepClone());
        File.WriteAllText(_cluster, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. kept]) }.ToJsonString());
        var records = new JsonArray(
            JsonNode.Parse(File.ReadAllText(Path.Combine(Events, "ec2-authorize-security-group-ingress.json")))!["detail"]!.DeepClone(),
            JsonNode.Parse(File.ReadAllText(Path.Combine(Events, "ec2-run-instances.json")))!["detail"]!.DeepClone());
        var logFile = Path.Combine(Path.GetTempPath(), $"sglambda-trail-{Guid.NewGuid():N}.json");
        File.WriteAllText(logFile, new JsonObject { ["Records"] = records }.ToJsonString());
        try
        {
            var result = Replay(logFile, "--dry-run", "-o", "json");

            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            var plans = JsonNode.Parse(result.Stdout)!.AsArray();
            Assert.That(plans.Select(p => p!["event"]!["eventName"]!.GetValue<string>()), Is.EqualTo(new[] { "AuthorizeSecurityGroupIngress", "RunInstances" }));
            Assert.That(plans[0]!["apply"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(plans[1]!["apply"]!.AsArray(), Is.Empty);

            // Applied, the records land one after the other: the cluster then matches render again.
            Assert.That(Replay(logFile).ExitCode, Is.Zero);
            Assert.That(Reconcile("--dry-run").Stdout, Does.Contain("reconcile: nothing to change"));
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [Test]
    public void A_malformed_event_is_reported_as_skipped_not_as_a_crash()
    {
        var eventFile = Path.Combine(Path.GetTempPath(), $"sglambda-event-{Guid.NewGuid():N}.json");
        File.WriteAllText(eventFile, """{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.ec2","detail":"oops"}""");
        try
        {
            var plan = Json(Replay(eventFile, "--dry-run", "-o", "json"));
            Assert.That(plan["skipped"]!.GetValue<string>(), Does.StartWith("malformed event"));
            Assert.That(plan["apply"]!.AsArray(), Is.Empty);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    [Test]
    public void A_missing_snapshot_folder_exits_2_naming_it()
    {
        var result = CliResult.Run("reconcile", "--aws-snapshot", "/no/such/dir", "--cluster-snapshot", _cluster, "--dry-run");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.StartWith("error: /no/such/dir: no such directory"));
    }

    [Test]
    public void A_bad_cluster_snapshot_exits_2_naming_the_object()
    {
        File.WriteAllText(_cluster, """{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"projectcalico.org/v3","kind":"HostEndpoint","metadata":{"name":"x"},"spec":{"node":3}}]}""");

        var result = Reconcile("--dry-run");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.StartWith($"error: {_cluster}: $.items[0]"));
    }

    [Test]
    public void The_cluster_snapshot_may_be_the_yaml_render_prints()
    {
        var yaml = CliResult.Run(TutorialArguments.Render(RepositoryPaths.Tutorial)).Stdout;
        File.WriteAllText(_cluster, yaml);

        Assert.That(Reconcile("--dry-run").Stdout, Does.Contain("reconcile: nothing to change"));
    }
}
