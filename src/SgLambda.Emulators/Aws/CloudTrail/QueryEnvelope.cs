using System.Globalization;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.CloudTrail;

/// <summary>
/// How CloudTrail records EC2's newer actions: the Query parameters as sent (PascalCase, nested at the
/// dots), wrapped in <c>{"&lt;Action&gt;Request": {...}}</c>. A list element carries its index as <c>"tag"</c>,
/// and a list of one element is written as that element, e.g. ModifySecurityGroupRules:
/// <c>{"ModifySecurityGroupRulesRequest": {"GroupId": "sg-..", "SecurityGroupRule": {"SecurityGroupRuleId": "sgr-..",
/// "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 443, ...}, "tag": 1}}}</c>.
/// </summary>
internal static class QueryEnvelope
{
    /// <summary>Members that CloudTrail writes as numbers; everything else stays a string.</summary>
    private static readonly HashSet<string> NumberMembers = new(StringComparer.Ordinal)
    {
        "FromPort", "ToPort", "MaxEntries", "CurrentVersion", "TargetVersion", "MaxResults",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "Action", "Version", "DryRun" };

    public static JsonObject Request(string action, AwsQueryRequest request)
    {
        var root = new Node();
        foreach (var (key, value) in request.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Skipped.Contains(key)) continue;
            var node = root;
            foreach (var segment in key.Split('.'))
                node = node.Child(segment);
            node.Value = value;
        }
        return new JsonObject { [action + "Request"] = root.ToJson(null) };
    }

    /// <summary>A parameter path, parsed: members by name, list elements by index, or a value.</summary>
    private sealed class Node
    {
        private readonly SortedDictionary<string, Node> _members = new(StringComparer.Ordinal);
        private readonly SortedDictionary<int, Node> _elements = [];

        public string? Value { get; set; }

        public Node Child(string segment)
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (!_elements.TryGetValue(index, out var element)) _elements[index] = element = new Node();
                return element;
            }
            if (!_members.TryGetValue(segment, out var member)) _members[segment] = member = new Node();
            return member;
        }

        public JsonNode? ToJson(string? name)
        {
            if (Value is not null && _members.Count == 0 && _elements.Count == 0)
            {
                return name is not null && NumberMembers.Contains(name) && long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(Value);
            }
            if (_elements.Count > 0)
            {
                var items = _elements.Select(e => Tagged(e.Value.ToJson(name), e.Key)).ToList();
                return items.Count == 1 ? items[0] : new JsonArray([.. items]);
            }
            var json = new JsonObject();
            foreach (var (member, node) in _members)
                json[member] = node.ToJson(member);
            return json;
        }

        private static JsonObject Tagged(JsonNode? element, int index)
        {
            var entry = element as JsonObject ?? new JsonObject { ["content"] = element };
            entry["tag"] = index;
            return entry;
        }
    }
}
