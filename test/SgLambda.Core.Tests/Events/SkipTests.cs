using System.Text.Json.Nodes;
using SgLambda.Core.Events;
using static SgLambda.TestSupport.Events.EventFiles;

namespace SgLambda.Core.Tests.Events;

/// <summary>
/// Events from elsewhere, of other kinds, or not readable are skipped with a reason that names the
/// problem, never an exception. Each case changes one thing in a real replayable event.
/// </summary>
public class SkipTests
{
    private const string Authorize = "ec2-authorize-security-group-ingress.json";
    private const string Run = "ec2-run-instances.json";
    private const string StateChange = "ec2-instance-state-change-running.json";

    private static string Mutate(string file, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(InfraEvent(file))!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Detail(JsonObject root) => root["detail"]!.AsObject();

    private static JsonObject Request(JsonObject root) => Detail(root)["requestParameters"]!.AsObject();

    private static string? SkipReason(string eventJson) => EventClassifier.Classify(eventJson, Config).SkipReason;

    [TestCase("", "malformed event: the event is empty")]
    [TestCase("   ", "malformed event: the event is empty")]
    [TestCase("{\"detail-type\": ", "malformed event: not valid JSON (line 1, byte 17)")]
    [TestCase("{'detail-type': 'x'}", "malformed event: not valid JSON (line 1, byte 2)")]
    [TestCase("[1, 2]", "malformed event: the event is not a JSON object")]
    [TestCase("null", "malformed event: the event is not a JSON object")]
    [TestCase("\"AWS API Call via CloudTrail\"", "malformed event: the event is not a JSON object")]
    [TestCase("{}", "malformed event: detail-type is missing")]
    public void Unreadable_text_is_malformed(string text, string reason)
    {
        Assert.That(SkipReason(text), Is.EqualTo(reason));
    }

    [Test]
    public void Text_with_a_lone_surrogate_is_malformed()
    {
        var text = "{\"detail-type\": \"" + (char)0xD800 + "\"}";
        Assert.That(SkipReason(text), Is.EqualTo("malformed event: not valid JSON (the text is not valid Unicode)"));
    }

    [Test]
    public void A_null_event_is_malformed()
    {
        Assert.That(SkipReason(null!), Is.EqualTo("malformed event: the event is empty"));
    }

    private static IEnumerable<TestCaseData> MalformedCases()
    {
        TestCaseData Case(string name, string file, Action<JsonObject> change, string reason) =>
            new TestCaseData(file, change, reason).SetArgDisplayNames(name);

        yield return Case("no detail", Authorize, r => r.Remove("detail"), "malformed event: detail is missing");
        yield return Case("detail null", Authorize, r => r["detail"] = null, "malformed event: detail is not a JSON object");
        yield return Case("detail a string", Authorize, r => r["detail"] = "AuthorizeSecurityGroupIngress", "malformed event: detail is not a JSON object");
        yield return Case("no detail-type", Authorize, r => r.Remove("detail-type"), "malformed event: detail-type is missing");
        yield return Case("detail-type a number", Authorize, r => r["detail-type"] = 7, "malformed event: detail-type is not a string");
        yield return Case("no source", Authorize, r => r.Remove("source"), "malformed event: source is missing");
        yield return Case("account a number", Authorize, r => r["account"] = 111122223333, "malformed event: account is not a string");
        yield return Case("time not a time", Authorize, r => r["time"] = "yesterday", "malformed event: time is not an ISO 8601 date-time");
        yield return Case("resources of numbers", Authorize, r => r["resources"] = new JsonArray(1), "malformed event: resources[0] is not a list of strings");
        yield return Case("eventName a number", Authorize, r => Detail(r)["eventName"] = 5, "malformed event: detail.eventName is not a string");
        yield return Case("no eventName", Authorize, r => Detail(r).Remove("eventName"), "malformed event: detail.eventName is missing");
        yield return Case("groupId a number", Authorize, r => Request(r)["groupId"] = 98765432109876,
            "malformed event: detail.requestParameters.groupId is a number, expected a string");
        yield return Case("groupId a name", Authorize, r => Request(r)["groupId"] = "default",
            "malformed event: detail.requestParameters.groupId is not a security group id: 'default'");
        yield return Case("no groupId", Authorize, r => { Request(r).Remove("groupId"); Detail(r)["responseElements"] = new JsonObject { ["_return"] = true }; },
            "malformed event: detail.requestParameters.groupId is missing (expected a security group id)");
        yield return Case("ipPermissions a string", Authorize, r => Request(r)["ipPermissions"] = "tcp/80",
            "malformed event: detail.requestParameters.ipPermissions is a string, expected a list");
        yield return Case("items a number", Authorize, r => Request(r)["ipPermissions"] = new JsonObject { ["items"] = 3 },
            "malformed event: detail.requestParameters.ipPermissions.items is a number, expected a list");
        yield return Case("prefix list id of another kind", Authorize,
            r => Request(r)["ipPermissions"] = JsonNode.Parse("""{"items":[{"prefixListIds":{"items":[{"prefixListId":"sg-1"}]}}]}"""),
            "malformed event: detail.requestParameters.ipPermissions.items[0].prefixListIds.items[0].prefixListId is not a prefix list id: 'sg-1'");
        yield return Case("requestParameters a list", "ec2-delete-security-group.json", r => Detail(r)["requestParameters"] = new JsonArray(),
            "malformed event: detail.requestParameters is a list, expected an object");
        yield return Case("no instancesSet", Run, r => Detail(r)["responseElements"]!.AsObject().Remove("instancesSet"),
            "malformed event: detail.responseElements.instancesSet is missing or empty (expected the launched instances)");
        yield return Case("instanceId a boolean", Run, r => Detail(r)["responseElements"]!["instancesSet"]!["items"]![0]!["instanceId"] = true,
            "malformed event: detail.responseElements.instancesSet.items[0].instanceId is a boolean, expected a string");
        yield return Case("no instance-id", StateChange, r => { Detail(r).Remove("instance-id"); r["resources"] = new JsonArray(); },
            "malformed event: detail.instance-id is missing (expected an instance id)");
        yield return Case("instance-id of another kind", StateChange, r => Detail(r)["instance-id"] = "sg-12345678901234",
            "malformed event: detail.instance-id is not an instance id: 'sg-12345678901234'");
        yield return Case("rds identifier with spaces", "rds-create-db-instance.json", r => Request(r)["dBInstanceIdentifier"] = "tutorial db",
            "malformed event: detail.requestParameters.dBInstanceIdentifier is not an RDS identifier: 'tutorial db'");
        yield return Case("detach without attachment", "ec2-detach-network-interface.json", r => Request(r).Remove("attachmentId"),
            "malformed event: detail.requestParameters.attachmentId is missing (expected a network interface attachment id)");
        yield return Case("prefix list call naming none", "ec2-modify-managed-prefix-list.json",
            r => { Request(r)["ModifyManagedPrefixListRequest"]!.AsObject().Remove("PrefixListId"); Detail(r)["responseElements"] = null; },
            "malformed event: detail.requestParameters names no prefix list (expected a PrefixListId)");
    }

    [TestCaseSource(nameof(MalformedCases))]
    public void A_malformed_event_is_skipped_naming_the_field(string file, Action<JsonObject> change, string reason)
    {
        var result = EventClassifier.Classify(Mutate(file, change), Config);

        Assert.That(result.SkipReason, Is.EqualTo(reason));
        Assert.That(result.Affected.IsEmpty, Is.True);
    }

    [Test]
    public void A_malformed_event_still_says_what_it_is()
    {
        var result = EventClassifier.Classify(Mutate(Authorize, r => Request(r)["groupId"] = 1), Config);

        Assert.That(result.Event.EventName, Is.EqualTo("AuthorizeSecurityGroupIngress"));
        Assert.That(result.Event.Account, Is.EqualTo(Account));
        Assert.That(result.Event.Id, Is.Not.Null);
    }

    [Test]
    public void Informational_fields_of_another_type_do_not_make_an_event_malformed()
    {
        var eventJson = Mutate(Authorize, r =>
        {
            r["id"] = 42;
            r["version"] = new JsonObject();
            Detail(r)["eventTime"] = 1763632812000;
            Detail(r)["eventID"] = new JsonArray();
            Detail(r)["requestID"] = true;
        });

        var result = EventClassifier.Classify(eventJson, Config);

        Assert.That(result.SkipReason, Is.Null);
        Assert.That(result.Event.Id, Is.EqualTo("42"));
    }

    [Test]
    public void Event_text_in_a_reason_is_made_printable()
    {
        var eventJson = Mutate(Authorize, r => r["account"] = "1234\n\u001b[31m" + new string('9', 200));

        var reason = SkipReason(eventJson)!;

        Assert.That(reason, Does.StartWith("event from account 1234??[31m999"));
        Assert.That(reason.Any(char.IsControl), Is.False);
        Assert.That(reason, Has.Length.LessThan(200));
    }

    [Test]
    public void Another_detail_type_is_skipped()
    {
        var eventJson = Mutate(StateChange, r => r["detail-type"] = "EBS Volume Notification");
        Assert.That(SkipReason(eventJson), Is.EqualTo("detail-type 'EBS Volume Notification' is not handled"));
    }

    [Test]
    public void An_unknown_call_is_skipped()
    {
        var eventJson = Mutate(Authorize, r => Detail(r)["eventName"] = "CreateTags");
        Assert.That(SkipReason(eventJson), Is.EqualTo("CreateTags from aws.ec2 is not handled (it changes nothing SgLambda renders)"));
    }

    [Test]
    public void A_call_from_the_wrong_source_is_skipped()
    {
        var eventJson = Mutate(Run, r => r["source"] = "aws.rds");
        Assert.That(SkipReason(eventJson), Is.EqualTo("RunInstances from aws.rds is not handled (it changes nothing SgLambda renders)"));
    }

    [Test]
    public void A_state_change_from_another_source_is_skipped()
    {
        var eventJson = Mutate(StateChange, r => r["source"] = "aws.rds");
        Assert.That(SkipReason(eventJson), Is.EqualTo("EC2 Instance State-change Notification from aws.rds is not handled"));
    }

    [TestCase(Authorize)]
    [TestCase(StateChange)]
    public void An_event_of_another_account_is_skipped(string file)
    {
        var eventJson = Mutate(file, r => r["account"] = "210987654321");
        Assert.That(SkipReason(eventJson), Is.EqualTo("event from account 210987654321, not the configured account 111122223333"));
    }

    [TestCase(Authorize)]
    [TestCase(StateChange)]
    public void An_event_of_another_region_is_skipped(string file)
    {
        var eventJson = Mutate(file, r => r["region"] = "eu-west-1");
        Assert.That(SkipReason(eventJson), Is.EqualTo("event from region eu-west-1, not the configured region us-west-2"));
    }

    [Test]
    public void Without_an_envelope_account_the_CloudTrail_record_decides()
    {
        var eventJson = Mutate(Authorize, r => { r.Remove("account"); r.Remove("region"); Detail(r)["recipientAccountId"] = "210987654321"; });
        Assert.That(SkipReason(eventJson), Is.EqualTo("event from account 210987654321, not the configured account 111122223333"));
    }

    [Test]
    public void Account_and_region_are_not_checked_when_the_config_does_not_set_them()
    {
        var eventJson = Mutate(Authorize, r => { r["account"] = "210987654321"; r["region"] = "eu-west-1"; });
        var result = EventClassifier.Classify(eventJson, Config with { AccountId = null, Region = null });
        Assert.That(result.SkipReason, Is.Null);
        Assert.That(result.Affected.SecurityGroups, Is.EqualTo(new[] { PodSg }));
    }

    [TestCase("ec2-create-security-group.json", "CreateSecurityGroup")]
    [TestCase("ec2-run-instances.json", "RunInstances")]
    [TestCase("ec2-create-network-interface.json", "CreateNetworkInterface")]
    [TestCase("rds-create-db-instance.json", "CreateDBInstance")]
    public void An_event_that_names_another_VPC_is_skipped(string file, string eventName)
    {
        var result = EventClassifier.Classify(InfraEvent(file), Config with { VpcId = "vpc-0f9e8d7c6b5a40321" });
        Assert.That(result.SkipReason, Is.EqualTo($"{eventName} is in {Vpc}, not in the configured vpc-0f9e8d7c6b5a40321"));
    }

    [Test]
    public void An_event_that_names_no_VPC_is_not_skipped_for_it()
    {
        var result = EventClassifier.Classify(InfraEvent(Authorize), Config with { VpcId = "vpc-0f9e8d7c6b5a40321" });
        Assert.That(result.IsSkipped, Is.False);
    }

    [Test]
    public void A_state_change_found_only_in_resources_names_the_instance()
    {
        var result = EventClassifier.Classify(Mutate(StateChange, r => Detail(r).Remove("instance-id")), Config);
        Assert.That(result.Affected.Instances, Is.EqualTo(new[] { "i-0e5f6a7b8c9d01234" }));
    }

    [Test]
    public void A_repeated_event_classifies_the_same()
    {
        var eventJson = InfraEvent(Run);
        var first = ClassifiedEventJson.Serialize(EventClassifier.Classify(eventJson, Config));
        var second = ClassifiedEventJson.Serialize(EventClassifier.Classify(eventJson, Config));
        Assert.That(second, Is.EqualTo(first));
    }
}
