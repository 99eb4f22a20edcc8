namespace SgLambda.Functions.Tests.Template;

/// <summary>template.yaml as plain values (<see cref="CloudFormationYaml"/>), with the lookups the tests share.</summary>
internal sealed class SamTemplate(Dictionary<string, object?> root)
{
    public const string FunctionType = "AWS::Serverless::Function";

    private static readonly Lazy<SamTemplate> Repository = new(() => new SamTemplate(CloudFormationYaml.Parse(RepositoryFiles.Read("template.yaml"))));

    /// <summary>The repository's template.yaml.</summary>
    public static SamTemplate Load() => Repository.Value;

    public Dictionary<string, object?> Root { get; } = root;

    public Dictionary<string, object?> Parameters => Section("Parameters");

    public Dictionary<string, object?> Conditions => Section("Conditions");

    public Dictionary<string, object?> Resources => Section("Resources");

    public Dictionary<string, object?> GlobalFunction =>
        Section("Globals").GetValueOrDefault("Function") as Dictionary<string, object?> ?? [];

    public IEnumerable<string> FunctionNames => Resources.Where(r => Type(r.Key) == FunctionType).Select(r => r.Key);

    public string? Type(string resource) => Map(Resources[resource]).GetValueOrDefault("Type") as string;

    public Dictionary<string, object?> Properties(string resource) => Map(Map(Resources[resource]).GetValueOrDefault("Properties"));

    /// <summary>A function's property, or the Globals one when the function does not set it.</summary>
    public object? FunctionProperty(string function, string name) =>
        Properties(function).GetValueOrDefault(name) ?? GlobalFunction.GetValueOrDefault(name);

    /// <summary>The environment of a function: Globals' variables, then the function's own (which win).</summary>
    public Dictionary<string, object?> Environment(string function)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in new[] { GlobalFunction, Properties(function) })
        {
            if (Map(source.GetValueOrDefault("Environment")).GetValueOrDefault("Variables") is Dictionary<string, object?> own)
            {
                foreach (var (key, value) in own) variables[key] = value;
            }
        }
        return variables;
    }

    /// <summary>The EventBridge patterns that invoke a function: its EventBridgeRule/CloudWatchEvent events, and AWS::Events::Rule resources targeting it.</summary>
    public IReadOnlyList<Dictionary<string, object?>> EventPatterns(string function)
    {
        var patterns = new List<Dictionary<string, object?>>();
        foreach (var (_, value) in Map(Properties(function).GetValueOrDefault("Events")))
        {
            var source = Map(value);
            if (source.GetValueOrDefault("Type") is "EventBridgeRule" or "CloudWatchEvent")
                patterns.Add(Map(Map(source.GetValueOrDefault("Properties")).GetValueOrDefault("Pattern")));
        }
        foreach (var (name, _) in Resources.Where(r => Type(r.Key) == "AWS::Events::Rule"))
        {
            var properties = Properties(name);
            if (Descendants(properties.GetValueOrDefault("Targets")).OfType<Dictionary<string, object?>>().Any(d => References(d, function)))
                patterns.Add(Map(properties.GetValueOrDefault("EventPattern")));
        }
        return patterns;
    }

    /// <summary>Every value in a tree, the tree included, depth first.</summary>
    public static IEnumerable<object?> Descendants(object? value)
    {
        yield return value;
        IEnumerable<object?> children = value switch
        {
            Dictionary<string, object?> map => map.Values,
            List<object?> list => list,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child)) yield return descendant;
        }
    }

    /// <summary>The value of a one-key mapping {"Ref": ...}, {"Fn::If": ...}, or null.</summary>
    public static object? Intrinsic(object? value, string function) =>
        value is Dictionary<string, object?> { Count: 1 } map && map.TryGetValue(function, out var argument) ? argument : null;

    public static Dictionary<string, object?> Map(object? value) => value as Dictionary<string, object?> ?? [];

    private static bool References(Dictionary<string, object?> map, string resource) =>
        Intrinsic(map, "Ref") as string == resource
        || (Intrinsic(map, "Fn::GetAtt") is List<object?> { Count: 2 } att && att[0] as string == resource);

    private Dictionary<string, object?> Section(string name) => Map(Root.GetValueOrDefault(name));
}
