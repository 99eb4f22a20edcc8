using System.Text.Json.Nodes;
using SgLambda.Core.Events;
using static SgLambda.TestSupport.Events.EventFiles;

namespace SgLambda.Core.Tests.Events;

/// <summary>The JSON form of a classified event, for <c>sglambda replay --dry-run -o json</c>.</summary>
public class ClassifiedEventJsonTests
{
    private static JsonNode Json(ClassifiedEvent classified) => JsonNode.Parse(ClassifiedEventJson.Serialize(classified))!;

    [Test]
    public void An_affecting_event_lists_every_kind_its_reason_and_a_null_skip()
    {
        var json = Json(EventClassifier.Classify(InfraEvent("ec2-authorize-security-group-egress.json"), Config));

        var expected = JsonNode.Parse("""
            {
              "event": {
                "id": "DYNAMIC",
                "source": "aws.ec2",
                "detailType": "AWS API Call via CloudTrail",
                "eventName": "AuthorizeSecurityGroupEgress",
                "account": "111122223333",
                "region": "us-west-2",
                "time": "TIME",
                "errorCode": null
              },
              "affected": {
                "securityGroups": ["sg-12345678901234"],
                "networkInterfaces": [],
                "networkInterfaceAttachments": [],
                "instances": [],
                "dbInstances": [],
                "dbClusters": [],
                "prefixLists": ["pl-0c2e4a6b8d0f13579"],
                "networkInterfaceDescriptions": [],
                "securityGroupMembers": []
              },
              "reason": "rules of sg-12345678901234 changed (AuthorizeSecurityGroupEgress)",
              "skipped": null
            }
            """)!;
        expected["event"]!["id"] = json["event"]!["id"]!.GetValue<string>();
        expected["event"]!["time"] = json["event"]!["time"]!.GetValue<string>();
        Assert.That(JsonNode.DeepEquals(json, expected), Is.True, json.ToJsonString());
        Assert.That(DateTimeOffset.Parse(json["event"]!["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(new DateTimeOffset(2026, 11, 20, 10, 0, 4, TimeSpan.Zero)));
    }

    [Test]
    public void Text_is_written_readably()
    {
        var text = ClassifiedEventJson.Serialize(EventClassifier.Classify(InfraEvent("ec2-authorize-security-group-egress.json"), Config));

        Assert.That(text, Does.Contain("\"time\": \"2026-11-20T10:00:04+00:00\""));
        Assert.That(text, Does.Contain(Environment.NewLine + "  \"affected\": {"));
    }

    [Test]
    public void A_skipped_event_has_its_reason_and_affects_nothing()
    {
        var json = Json(EventClassifier.Classify(Fixture("failed-revoke-unauthorized.json"), Config));

        Assert.That(json["skipped"]!.GetValue<string>(), Does.StartWith("RevokeSecurityGroupIngress failed"));
        Assert.That(json["reason"], Is.Null);
        Assert.That(json["event"]!["errorCode"]!.GetValue<string>(), Is.EqualTo("Client.UnauthorizedOperation"));
        Assert.That(json["affected"]!.AsObject().Select(kind => kind.Value!.AsArray().Count), Is.All.EqualTo(0));
    }

    [Test]
    public void The_properties_come_in_the_documented_order()
    {
        var json = Json(EventClassifier.Classify(InfraEvent("ec2-run-instances.json"), Config)).AsObject();

        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "event", "affected", "reason", "skipped" }));
        Assert.That(json["event"]!.AsObject().Select(p => p.Key),
            Is.EqualTo(new[] { "id", "source", "detailType", "eventName", "account", "region", "time", "errorCode" }));
    }
}
