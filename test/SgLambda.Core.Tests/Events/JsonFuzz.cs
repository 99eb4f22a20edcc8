using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Events;

namespace SgLambda.Core.Tests.Events;

/// <summary>
/// Generators of JSON-ish input: arbitrary text, random JSON trees whose keys and strings lean towards
/// what the classifier reads (so the handlers see them), and replayable events with one node replaced.
/// </summary>
internal static class JsonFuzz
{
    private static readonly string[] Keys =
    [
        "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail",
        "eventName", "eventSource", "errorCode", "requestParameters", "responseElements", "recipientAccountId", "awsRegion",
        "groupId", "GroupId", "vpcId", "ipPermissions", "prefixListIds", "prefixListId", "PrefixListId", "items", "item",
        "securityGroupRuleSet", "revokedSecurityGroupRuleSet", "ModifySecurityGroupRulesRequest", "SecurityGroupRule",
        "ModifyManagedPrefixListRequest", "prefixList", "instancesSet", "instanceId", "networkInterfaceSet",
        "networkInterfaceId", "networkInterface", "attachmentId", "attribute", "groupSet", "dBInstanceIdentifier",
        "newDBInstanceIdentifier", "dBClusterIdentifier", "newDBClusterIdentifier", "dBSubnetGroup", "dBClusterMembers",
        "instance-id", "state", "",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "sg-98765432109876", " sg-12345678901234 ", "sg-", "i-0a1b2c3d4e5f60722", "i-", "eni-0a", "eni-attach-1",
        "pl-1", "pl-", "vpc-0a1b2c3d4e5f60718", "vpc-0f9e8d7c6b5a40321", "default", "tutorial-db", "Tutorial DB!",
        EventTypes.CloudTrailApiCall, EventTypes.InstanceStateChange, "aws.ec2", "aws.rds", "2026-11-20T10:00:00Z",
        "not a time", "111122223333", "us-west-2", "groupSet", "Client.UnauthorizedOperation", "arn:aws:ec2:us-west-2:1:instance/i-1",
        "arn:aws:ec2:us-west-2:1:instance/", "\u0000", "\ud800", "é",
    ];

    /// <summary>Any text: random strings, JSON trees, and JSON trees cut short.</summary>
    public static Gen<string> Text { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements(Strings),
        Gen.Sized(Tree).Select(node => node?.ToJsonString() ?? "null"),
        from json in Gen.Sized(Tree).Select(node => node?.ToJsonString() ?? "null")
        from cut in Gen.Choose(0, 1000)
        select json[..(cut % (json.Length + 1))]);

    /// <summary>A random JSON tree (null for JSON null).</summary>
    public static Gen<JsonNode?> Tree(int size)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Choose(-3, 70000).Select(n => (JsonNode?)JsonValue.Create(n)),
            ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.Elements(Strings).Select(s => (JsonNode?)JsonValue.Create(s)),
            ArbMap.Default.GeneratorFor<string>().Select(s => (JsonNode?)JsonValue.Create(s ?? "")));
        if (size <= 0) return leaf;
        var children = Gen.Choose(0, Math.Min(size, 5));
        var obj =
            from count in children
            from keys in Gen.ListOf(Gen.Elements(Keys), count)
            from values in Gen.ListOf(Tree(size / 2), count)
            select (JsonNode?)ToObject(keys, values);
        var array =
            from count in children
            from values in Gen.ListOf(Tree(size / 2), count)
            select (JsonNode?)new JsonArray([.. values]);
        return Gen.Frequency((3, leaf), (3, obj), (1, array));
    }

    /// <summary>An envelope of a handled kind around random request and response trees.</summary>
    public static Gen<string> Envelope { get; } =
        from detailType in Gen.Elements(EventTypes.CloudTrailApiCall, EventTypes.InstanceStateChange, "Other")
        from eventName in Gen.Elements([.. EventClassifier.HandledEventNames, "CreateTags"])
        from source in Gen.Frequency(
            (6, Gen.Constant(eventName.Contains("DB", StringComparison.Ordinal) ? EventTypes.RdsSource : EventTypes.Ec2Source)),
            (1, Gen.Elements(EventTypes.Ec2Source, EventTypes.RdsSource, "aws.s3")))
        from failed in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from request in Gen.Sized(Tree)
        from response in Gen.Sized(Tree)
        from instance in Gen.Sized(Tree)
        select new JsonObject
        {
            ["version"] = "0",
            ["id"] = "fuzz",
            ["detail-type"] = detailType,
            ["source"] = source,
            ["account"] = "111122223333",
            ["time"] = "2026-11-20T10:00:00Z",
            ["region"] = "us-west-2",
            ["resources"] = new JsonArray(),
            ["detail"] = new JsonObject
            {
                ["eventName"] = eventName,
                ["errorCode"] = failed ? "Client.UnauthorizedOperation" : null,
                ["requestParameters"] = request,
                ["responseElements"] = response,
                ["instance-id"] = instance,
                ["state"] = "running",
            },
        }.ToJsonString();

    /// <summary>A replayable event with one node (chosen among all of them) replaced by a random tree or removed.</summary>
    public static Gen<string> MutatedEvent(IReadOnlyList<string> events) =>
        from text in Gen.Elements(events.ToArray())
        from pick in Gen.Choose(0, int.MaxValue)
        from remove in ArbMap.Default.GeneratorFor<bool>()
        from replacement in Gen.Sized(Tree)
        select Mutate(text, pick, remove, replacement);

    private static string Mutate(string text, int pick, bool remove, JsonNode? replacement)
    {
        var root = JsonNode.Parse(text)!;
        var nodes = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, nodes);
        var (parent, key, index) = nodes[pick % nodes.Count];
        if (parent is JsonObject obj)
        {
            if (remove) obj.Remove(key!);
            else obj[key!] = replacement;
        }
        else if (parent is JsonArray array)
        {
            if (remove) array.RemoveAt(index);
            else array[index] = replacement;
        }
        return root.ToJsonString();
    }

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    into.Add((obj, key, -1));
                    Collect(value, into);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    into.Add((array, null, i));
                    Collect(array[i], into);
                }
                break;
        }
    }

    private static JsonObject ToObject(List<string> keys, List<JsonNode?> values)
    {
        var obj = new JsonObject();
        for (var i = 0; i < keys.Count; i++) obj[keys[i]] = values[i];
        return obj;
    }
}
