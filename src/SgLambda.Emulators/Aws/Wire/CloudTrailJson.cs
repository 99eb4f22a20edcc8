using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Aws.Wire;

/// <summary>
/// Turns a response document into the JSON CloudTrail records for it. EC2 records keep the XML names,
/// wrap lists as <c>{"items": [...]}</c>, write an empty list as <c>{}</c>, numbers and booleans as JSON
/// types, times as epoch milliseconds and <c>return</c> as <c>_return</c>. RDS records use the XML names
/// with a lower-case first letter (<c>dBInstanceIdentifier</c>) and plain JSON arrays.
/// </summary>
internal static class CloudTrailJson
{
    public static JsonNode? Ec2(WireNode node) => node switch
    {
        WireValue value => Value(value, timestampsAsMilliseconds: true),
        WireStruct structure => Ec2Struct(structure),
        WireList { CloudTrailEnvelope.Length: 0 } plain => new JsonArray([.. plain.Items.Select(Ec2)]),
        WireList { Items.Count: 0 } => new JsonObject(),
        WireList list => new JsonObject { [list.CloudTrailEnvelope] = new JsonArray([.. list.Items.Select(Ec2)]) },
        _ => null,
    };

    /// <summary>
    /// responseElements of an EC2 action in CloudTrail's classic shape: <c>requestId</c>, then the response
    /// fields (<c>_return</c>, <c>securityGroupRuleSet</c>, ...).
    /// </summary>
    public static JsonObject Ec2Response(string requestId, WireStruct response)
    {
        var json = new JsonObject { ["requestId"] = requestId };
        foreach (var (name, value) in Ec2Struct(response).ToList())
            json[name] = value?.DeepClone();
        return json;
    }

    /// <summary>
    /// responseElements of EC2's newer actions: the XML response as a document,
    /// <c>{"&lt;Action&gt;Response": {"xmlns": ..., "requestId": ..., "return": true, ...}}</c>.
    /// </summary>
    public static JsonObject Ec2EnvelopeResponse(string action, string requestId, WireStruct response)
    {
        var body = new JsonObject { ["xmlns"] = Ec2Xml.Namespace, ["requestId"] = requestId };
        foreach (var (name, value) in response.Fields)
            body[name] = Ec2(value);
        return new JsonObject { [action + "Response"] = body };
    }

    public static JsonNode? Rds(WireNode node) => node switch
    {
        WireValue value => Value(value, timestampsAsMilliseconds: false),
        WireStruct structure => RdsStruct(structure),
        WireList list => new JsonArray([.. list.Items.Select(Rds)]),
        _ => null,
    };

    public static string LowerFirst(string name) =>
        name.Length == 0 || !char.IsUpper(name[0]) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));

    private static JsonObject Ec2Struct(WireStruct structure)
    {
        var json = new JsonObject();
        foreach (var (name, value) in structure.Fields)
            json[string.Equals(name, "return", StringComparison.Ordinal) ? "_return" : name] = Ec2(value);
        return json;
    }

    private static JsonObject RdsStruct(WireStruct structure)
    {
        var json = new JsonObject();
        foreach (var (name, value) in structure.Fields)
            json[LowerFirst(name)] = Rds(value);
        return json;
    }

    private static JsonValue Value(WireValue value, bool timestampsAsMilliseconds) => value.Kind switch
    {
        WireValueKind.Number => JsonValue.Create(long.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture)),
        WireValueKind.Boolean => JsonValue.Create(string.Equals(value.Text, "true", StringComparison.Ordinal)),
        WireValueKind.Timestamp when timestampsAsMilliseconds => JsonValue.Create(value.EpochMilliseconds),
        _ => JsonValue.Create(value.Text),
    };
}
