namespace SgLambda.Functions.Tests.Template;

/// <summary>
/// Evaluates a template's <c>Rules</c> assertions for given parameter values, with the rule-specific functions
/// CloudFormation documents (Rules: Fn::And, Fn::Or, Fn::Not, Fn::Equals, Fn::EachMemberEquals, Fn::Contains,
/// Ref). A CommaDelimitedList parameter is a list (its empty default is one empty string).
/// </summary>
internal static class CloudFormationRules
{
    /// <summary>The AssertDescription of every assertion that fails, empty when the stack may be created.</summary>
    public static IReadOnlyList<string> Failures(SamTemplate template, IReadOnlyDictionary<string, string> values)
    {
        var failures = new List<string>();
        foreach (var (_, rule) in SamTemplate.Map(template.Root.GetValueOrDefault("Rules")))
        {
            var map = SamTemplate.Map(rule);
            if (map.GetValueOrDefault("RuleCondition") is { } condition && !(bool)Evaluate(condition, template, values)!) continue;
            foreach (var assertion in (map.GetValueOrDefault("Assertions") as List<object?> ?? []).Select(SamTemplate.Map))
            {
                if (!(bool)Evaluate(assertion["Assert"], template, values)!) failures.Add((string)assertion["AssertDescription"]!);
            }
        }
        return failures;
    }

    private static object? Evaluate(object? node, SamTemplate template, IReadOnlyDictionary<string, string> values)
    {
        if (node is string text) return text;
        var map = SamTemplate.Map(node);
        if (map.Count != 1) throw new NotSupportedException($"not a rule function: {node}");
        var (function, argument) = map.Single();
        var arguments = argument as List<object?> ?? [];
        return function switch
        {
            "Ref" => Parameter(template, values, (string)argument!),
            "Fn::And" => arguments.All(a => (bool)Evaluate(a, template, values)!),
            "Fn::Or" => arguments.Any(a => (bool)Evaluate(a, template, values)!),
            "Fn::Not" => !(bool)Evaluate(arguments.Single(), template, values)!,
            "Fn::Equals" => Equals(Evaluate(arguments[0], template, values), Evaluate(arguments[1], template, values)),
            "Fn::EachMemberEquals" => ((List<string>)Evaluate(arguments[0], template, values)!).All(m => m == (string)Evaluate(arguments[1], template, values)!),
            "Fn::Contains" => ((List<string>)Evaluate(arguments[0], template, values)!).Contains((string)Evaluate(arguments[1], template, values)!),
            _ => throw new NotSupportedException($"{function} is not a rule function CloudFormation supports"),
        };
    }

    private static object Parameter(SamTemplate template, IReadOnlyDictionary<string, string> values, string name)
    {
        var parameter = SamTemplate.Map(template.Parameters[name]);
        var value = values.TryGetValue(name, out var given) ? given : parameter.GetValueOrDefault("Default") as string ?? "";
        return parameter["Type"] is "CommaDelimitedList" ? value.Split(',').ToList() : value;
    }
}
