using System.Text.Json.Nodes;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;

namespace SgLambda.Functions.Tests.Template;

/// <summary>The change handler's EventBridge patterns deliver exactly the events the classifier handles.</summary>
public class EventPatternTests
{
    private static readonly SgLambdaConfig Config = new() { VpcId = "vpc-0a1b2c3d4e5f60718", AccountId = "111122223333", Region = "us-west-2" };

    private static IReadOnlyList<Dictionary<string, object?>> Patterns => SamTemplate.Load().EventPatterns("ChangeHandler");

    private static IEnumerable<string> InfraEvents =>
        Directory.GetFiles(RepositoryFiles.Path("infra", "events"), "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal);

    private static IEnumerable<string> InfraApiCallEvents =>
        InfraEvents.Where(f => JsonNode.Parse(RepositoryFiles.Read("infra", "events", f))!["detail-type"]!.GetValue<string>() == EventTypes.CloudTrailApiCall);

    private static int MatchCount(string eventJson) => Patterns.Count(p => EventPatternMatcher.Matches(p, eventJson));

    [TestCaseSource(nameof(InfraEvents))]
    public void Every_sample_event_matches_exactly_one_rule(string file)
    {
        var json = RepositoryFiles.Read("infra", "events", file);

        Assert.That(EventClassifier.Classify(json, Config).IsSkipped, Is.False, "the classifier handles the sample");
        Assert.That(MatchCount(json), Is.EqualTo(1), "one rule, so the event is delivered once");
    }

    [TestCaseSource(nameof(InfraApiCallEvents))]
    public void A_failed_call_matches_no_rule(string file)
    {
        var failed = JsonNode.Parse(RepositoryFiles.Read("infra", "events", file))!;
        failed["detail"]!["errorCode"] = "Client.UnauthorizedOperation";
        failed["detail"]!["errorMessage"] = "You are not authorized to perform this operation.";

        Assert.That(MatchCount(failed.ToJsonString()), Is.Zero);
    }

    [TestCase("ec2-describe-instances.json")]
    [TestCase("guardduty-finding.json")]
    [TestCase("ec2-instance-state-change-pending.json")]
    public void Events_of_other_kinds_match_no_rule(string fixture) =>
        Assert.That(MatchCount(RepositoryFiles.TemplateFixture(fixture)), Is.Zero);

    [Test]
    public void The_event_names_in_the_patterns_are_exactly_the_handled_ones()
    {
        var inPatterns = ApiCallNames().Select(n => new HandledCall(n.Source, n.EventName)).ToList();

        Assert.That(inPatterns, Is.Unique);
        Assert.That(inPatterns, Is.EquivalentTo(EventClassifier.HandledCalls));
    }

    [Test]
    public void The_unknown_service_rule_takes_write_calls_of_every_source_without_a_rule_of_its_own()
    {
        var catchAll = Patterns.Single(p => !p.ContainsKey("source") || Strings(p["source"]).Count == 0);
        var excluded = Strings(SamTemplate.Map(((List<object?>)catchAll["source"]!).Single())["anything-but"]);
        var detail = SamTemplate.Map(catchAll["detail"]);

        Assert.That(DetailTypes(catchAll), Is.EqualTo(new[] { EventTypes.CloudTrailApiCall }));
        Assert.That(EventClassifier.KnownSources, Is.SubsetOf(excluded), "a known source is delivered by its own rule only");
        Assert.That(Strings(detail["readOnly"]), Is.EqualTo(new[] { "false" }));
        Assert.That(detail["errorCode"], Is.EqualTo(new List<object?> { new Dictionary<string, object?> { ["exists"] = "false" } }));
    }

    [Test]
    public void A_write_call_of_an_unknown_service_is_delivered_once_and_a_read_only_one_not_at_all()
    {
        var write = JsonNode.Parse(RepositoryFiles.Read("infra", "events", "unknown-service-ecs-update-service.json"))!;
        var read = write.DeepClone();
        read["detail"]!["eventName"] = "DescribeServices";
        read["detail"]!["readOnly"] = true;

        Assert.That(MatchCount(write.ToJsonString()), Is.EqualTo(1));
        Assert.That(MatchCount(read.ToJsonString()), Is.Zero);
        Assert.That(EventClassifier.Classify(read.ToJsonString(), Config).IsSkipped, Is.True, "the classifier skips it too");
    }

    [Test]
    public void Every_name_is_under_the_source_the_classifier_expects_it_from()
    {
        var misplaced = ApiCallNames()
            .Where(n => EventClassifier.Classify(SyntheticCall(n.Source, n.EventSource, n.EventName), Config).SkipReason?.Contains("is not handled", StringComparison.Ordinal) == true)
            .Select(n => $"{n.Source} {n.EventName}")
            .ToList();

        Assert.That(misplaced, Is.Empty);
        // The check can fail: the classifier refuses an RDS call from aws.ec2.
        Assert.That(EventClassifier.Classify(SyntheticCall("aws.ec2", "ec2.amazonaws.com", "CreateDBInstance"), Config).SkipReason, Does.Contain("is not handled"));
    }

    [Test]
    public void Every_api_call_pattern_excludes_failed_calls_and_names_its_event_source()
    {
        foreach (var pattern in Patterns.Where(p => DetailTypes(p).Contains(EventTypes.CloudTrailApiCall) && Strings(p["source"]).Count > 0))
        {
            var detail = SamTemplate.Map(pattern["detail"]);
            var source = Strings(pattern["source"]).Single();
            Assert.That(Strings(detail["eventSource"]), Is.EqualTo(new[] { source[4..] + ".amazonaws.com" }), source);
            Assert.That(detail["errorCode"], Is.EqualTo(new List<object?> { new Dictionary<string, object?> { ["exists"] = "false" } }), source);
        }
    }

    [Test]
    public void The_state_change_pattern_takes_ec2_state_changes_only()
    {
        var stateChanges = Patterns.Where(p => DetailTypes(p).Contains(EventTypes.InstanceStateChange)).ToList();

        Assert.That(stateChanges, Has.Count.EqualTo(1));
        Assert.That(Strings(stateChanges[0]["source"]), Is.EqualTo(new[] { EventTypes.Ec2Source }));
        Assert.That(Strings(SamTemplate.Map(stateChanges[0]["detail"])["state"]), Is.SubsetOf(new[] { "pending", "running", "stopping", "stopped", "shutting-down", "terminated" }));
    }

    private static IEnumerable<(string Source, string EventSource, string EventName)> ApiCallNames() =>
        from pattern in Patterns
        where DetailTypes(pattern).Contains(EventTypes.CloudTrailApiCall)
        let detail = SamTemplate.Map(pattern["detail"])
        from source in Strings(pattern["source"])
        from eventSource in Strings(detail["eventSource"])
        from name in Strings(detail["eventName"])
        select (source, eventSource, name);

    private static List<string> DetailTypes(Dictionary<string, object?> pattern) => Strings(pattern.GetValueOrDefault("detail-type"));

    private static List<string> Strings(object? value) => value is List<object?> list ? [.. list.OfType<string>()] : [];

    private static string SyntheticCall(string source, string eventSource, string eventName) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = "00000000-0000-0000-0000-000000000000",
        ["detail-type"] = EventTypes.CloudTrailApiCall,
        ["source"] = source,
        ["account"] = Config.AccountId,
        ["time"] = "2026-11-20T10:00:00Z",
        ["region"] = Config.Region,
        ["resources"] = new JsonArray(),
        ["detail"] = new JsonObject
        {
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = Config.Region,
            ["requestParameters"] = new JsonObject(),
            ["responseElements"] = new JsonObject(),
        },
    }.ToJsonString();
}
