using System.Text.Json.Nodes;
using SgLambda.Core.Events;
using static SgLambda.TestSupport.Events.EventFiles;

namespace SgLambda.Core.Tests.Events;

/// <summary>
/// A CloudTrail record replayed on its own, or from a trail's log file or lookup-events output, means what
/// the EventBridge event around it means.
/// </summary>
public class CloudTrailRecordTests
{
    private static IEnumerable<string> ApiCallEvents() =>
        InfraEventNames.Where(name => InfraEventJson(name)["detail-type"]!.GetValue<string>() == EventTypes.CloudTrailApiCall);

    [TestCaseSource(nameof(ApiCallEvents))]
    public void A_bare_record_classifies_as_its_eventbridge_event(string fileName)
    {
        var envelope = InfraEventJson(fileName);
        var bare = envelope["detail"]!.ToJsonString();

        var expected = EventClassifier.Classify(envelope.ToJsonString(), Config);
        var actual = EventClassifier.Classify(bare, Config);

        Assert.That(Describe(actual), Is.EqualTo(Describe(expected)));
        Assert.That(actual.IsSkipped, Is.False, actual.SkipReason);
    }

    [Test]
    public void A_bare_record_takes_its_envelope_fields_from_the_record()
    {
        var record = InfraEventJson("rds-create-db-instance.json")["detail"]!.ToJsonString();

        var summary = EventClassifier.Classify(record, Config).Event;

        Assert.That(summary.Source, Is.EqualTo(EventTypes.RdsSource));
        Assert.That(summary.DetailType, Is.EqualTo(EventTypes.CloudTrailApiCall));
        Assert.That(summary.Account, Is.EqualTo(Account));
        Assert.That(summary.Region, Is.EqualTo(Region));
        Assert.That(summary.Id, Is.EqualTo(JsonNode.Parse(record)!["eventID"]!.GetValue<string>()));
    }

    [Test]
    public void A_failed_bare_record_is_skipped_as_a_failed_call()
    {
        var record = InfraEventJson("ec2-authorize-security-group-ingress.json")["detail"]!.AsObject();
        record["errorCode"] = "Client.InvalidPermission.Duplicate";
        record["responseElements"] = null;

        var classified = EventClassifier.Classify(record.ToJsonString(), Config);

        Assert.That(classified.SkipReason, Does.Contain("failed (Client.InvalidPermission.Duplicate)"));
    }

    [Test]
    public void A_trail_log_file_holds_its_records_in_order()
    {
        var first = InfraEventJson("ec2-run-instances.json")["detail"]!.ToJsonString();
        var second = InfraEventJson("ec2-terminate-instances.json")["detail"]!.ToJsonString();

        var events = EventDocuments.Split($$"""{"Records": [{{first}}, {{second}}]}""");

        Assert.That(events.Select(e => EventClassifier.Classify(e, Config).Event.EventName), Is.EqualTo(new[] { "RunInstances", "TerminateInstances" }));
    }

    [Test]
    public void Lookup_events_output_holds_the_records_it_quotes()
    {
        var record = InfraEventJson("ec2-create-security-group.json")["detail"]!.ToJsonString();
        var output = new JsonObject
        {
            ["Events"] = new JsonArray(new JsonObject { ["EventId"] = "e1", ["EventName"] = "CreateSecurityGroup", ["CloudTrailEvent"] = record }),
        };

        var events = EventDocuments.Split(output.ToJsonString());

        Assert.That(events, Is.EqualTo(new[] { record }));
    }

    [TestCase("ec2-run-instances.json")]
    [TestCase("ec2-instance-state-change-running.json")]
    public void An_eventbridge_event_is_one_event(string fileName)
    {
        var text = InfraEvent(fileName);

        Assert.That(EventDocuments.Split(text), Is.EqualTo(new[] { text }));
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[1, 2]")]
    [TestCase("""{"Records": "none"}""")]
    public void Anything_else_is_left_whole_for_the_classifier_to_report(string text)
    {
        Assert.That(EventDocuments.Split(text), Is.EqualTo(new[] { text }));
        Assert.That(EventClassifier.Classify(text, Config).SkipReason, Does.StartWith("malformed event: "));
    }

    private static JsonNode InfraEventJson(string fileName) => JsonNode.Parse(InfraEvent(fileName))!;

    // Not the id: EventBridge gives its event a new id; a bare record's is its CloudTrail eventID.
    private static string Describe(ClassifiedEvent classified)
    {
        var a = classified.Affected;
        var e = classified.Event;
        return string.Join(" | ",
            e.Source, e.DetailType, e.EventName, e.Account, e.Region, e.Time?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            classified.SkipReason, classified.Reason,
            string.Join(",", a.SecurityGroups), string.Join(",", a.NetworkInterfaces), string.Join(",", a.NetworkInterfaceAttachments),
            string.Join(",", a.Instances), string.Join(",", a.DbInstances), string.Join(",", a.DbClusters), string.Join(",", a.PrefixLists));
    }
}
