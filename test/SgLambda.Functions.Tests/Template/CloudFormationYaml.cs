using YamlDotNet.RepresentationModel;

namespace SgLambda.Functions.Tests.Template;

/// <summary>
/// Reads a CloudFormation/SAM template written in YAML into plain values, as CloudFormation sees it in
/// JSON: mappings are <see cref="Dictionary{TKey,TValue}"/> of string to value, sequences are
/// <see cref="List{T}"/>, scalars are strings (untyped: "false" stays "false"). Short-form tags become
/// their long form: <c>!Ref X</c> is <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> is <c>{"Fn::GetAtt": ["A", "B"]}</c>,
/// <c>!Condition C</c> is <c>{"Condition": "C"}</c> and any other <c>!Name v</c> is <c>{"Fn::Name": v}</c>.
/// </summary>
internal static class CloudFormationYaml
{
    /// <summary>The short forms CloudFormation accepts; any other local tag is an error, as it is for CloudFormation.</summary>
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
        "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString",
    };

    public static Dictionary<string, object?> Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml)) stream.Load(reader);
        if (stream.Documents.Count != 1) throw new FormatException($"expected one YAML document, found {stream.Documents.Count}");
        return Convert(stream.Documents[0].RootNode) as Dictionary<string, object?>
            ?? throw new FormatException("the template is not a mapping");
    }

    private static object? Convert(YamlNode node)
    {
        var value = Untagged(node);
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        // "!" is the non-specific tag of quoted scalars; tag:yaml.org,2002:... are YAML's own.
        if (tag is null || tag == "!" || tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal)) return value;
        if (!tag.StartsWith('!')) throw new FormatException($"unknown tag {tag} at {node.Start}");
        var name = tag[1..];
        return name switch
        {
            "Ref" => Single("Ref", ScalarOf(value, tag, node)),
            "Condition" => Single("Condition", ScalarOf(value, tag, node)),
            "GetAtt" when value is string dotted => Single("Fn::GetAtt", SplitGetAtt(dotted, node)),
            _ when Functions.Contains(name) => Single("Fn::" + name, value),
            _ => throw new FormatException($"unknown CloudFormation short form {tag} at {node.Start}"),
        };
    }

    private static object? Untagged(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => pair.Key is YamlScalarNode key ? key.Value ?? "" : throw new FormatException($"a mapping key is not a scalar at {pair.Key.Start}"),
            pair => Convert(pair.Value),
            StringComparer.Ordinal),
        _ => throw new FormatException($"unsupported YAML node {node.NodeType} at {node.Start}"),
    };

    private static string ScalarOf(object? value, string tag, YamlNode node) =>
        value as string ?? throw new FormatException($"{tag} takes a name, at {node.Start}");

    // !GetAtt Resource.Attribute (the attribute may itself contain dots: Endpoint.Address).
    private static List<object?> SplitGetAtt(string dotted, YamlNode node)
    {
        var dot = dotted.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == dotted.Length - 1) throw new FormatException($"!GetAtt {dotted} is not Resource.Attribute, at {node.Start}");
        return [dotted[..dot], dotted[(dot + 1)..]];
    }

    private static Dictionary<string, object?> Single(string key, object? value) => new(StringComparer.Ordinal) { [key] = value };
}
