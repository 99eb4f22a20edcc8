using System.Text.RegularExpressions;

namespace SgLambda.Functions.Tests.Template;

/// <summary>
/// Every EC2 string the template can produce, against EC2's documented rules (API reference, CreateSecurityGroup
/// and IpPermission/SecurityGroupRule Description): up to 255 characters of a-z, A-Z, 0-9, spaces and
/// <c>._-:/()#,@[]+=&amp;;{}!$*</c>; a group name must not start with <c>sg-</c>. A parameter substituted into one must
/// be bounded (MaxLength) and allow only such characters (AllowedPattern); it is checked at its longest.
/// </summary>
public sealed partial class Ec2StringTests
{
    private const int MaxLength = 255;

    [GeneratedRegex(@"^[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]*$")]
    private static partial Regex Ec2Text();

    [GeneratedRegex(@"\$\{([A-Za-z0-9:.]+)\}")]
    private static partial Regex SubVariable();

    private static IEnumerable<TestCaseData> Strings()
    {
        var template = SamTemplate.Load();
        foreach (var (name, _) in template.Resources)
        {
            var properties = template.Properties(name);
            switch (template.Type(name))
            {
                case "AWS::EC2::SecurityGroup":
                    yield return Case(name, "GroupName", properties.GetValueOrDefault("GroupName"));
                    yield return Case(name, "GroupDescription", properties.GetValueOrDefault("GroupDescription"));
                    foreach (var direction in new[] { "SecurityGroupIngress", "SecurityGroupEgress" })
                    {
                        var rules = properties.GetValueOrDefault(direction) as List<object?> ?? [];
                        for (var i = 0; i < rules.Count; i++)
                        {
                            if ((rules[i] as Dictionary<string, object?>)?.GetValueOrDefault("Description") is { } description)
                                yield return Case(name, $"{direction}[{i}].Description", description);
                        }
                    }
                    break;
                case "AWS::EC2::SecurityGroupIngress" or "AWS::EC2::SecurityGroupEgress":
                    if (properties.GetValueOrDefault("Description") is { } ruleDescription) yield return Case(name, "Description", ruleDescription);
                    break;
            }
        }
    }

    private static TestCaseData Case(string resource, string property, object? value) =>
        new TestCaseData(property, value).SetArgDisplayNames($"{resource}.{property}");

    [TestCaseSource(nameof(Strings))]
    public void Is_accepted_by_EC2_at_its_longest(string property, object? value)
    {
        var longest = Longest(value);

        Assert.That(longest, Does.Match(Ec2Text()), "characters EC2 does not accept");
        Assert.That(longest, Has.Length.LessThanOrEqualTo(MaxLength));
        if (property == "GroupName") Assert.That(longest, Does.Not.StartWith("sg-"));
    }

    [TestCase("the member's rules", false)]
    [TestCase("SG é", false)]
    [TestCase("Nodes and pods; Calico (sg-remote) [x] {y} a+b=c & d! $e* #1, @2", true)]
    public void The_check_accepts_what_EC2_accepts(string text, bool accepted)
    {
        Assert.That(Ec2Text().IsMatch(text), Is.EqualTo(accepted));
    }

    /// <summary>The string with every parameter at its longest allowed value; a literal as it is.</summary>
    private static string Longest(object? value) => value switch
    {
        string literal => literal,
        Dictionary<string, object?> { Count: 1 } sub when sub.GetValueOrDefault("Fn::Sub") is string text =>
            SubVariable().Replace(text, variable => LongestValueOf(variable.Groups[1].Value)),
        _ => throw new AssertionException($"{value}: only literals and !Sub of parameters are checked; extend the test"),
    };

    private static string LongestValueOf(string parameterName)
    {
        var parameter = SamTemplate.Load().Parameters.GetValueOrDefault(parameterName) as Dictionary<string, object?>
            ?? throw new AssertionException($"${{{parameterName}}} is not a parameter");
        Assert.That(parameter.GetValueOrDefault("MaxLength"), Is.Not.Null, $"{parameterName} has no MaxLength: the string built from it is unbounded");
        Assert.That(parameter.GetValueOrDefault("AllowedPattern"), Is.Not.Null, $"{parameterName} has no AllowedPattern: any character could reach EC2");
        var pattern = new Regex((string)parameter["AllowedPattern"]!);
        // Every character the pattern lets through after a first letter must be one EC2 accepts.
        var allowed = Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Concat("éü\t\u00a0").Where(c => pattern.IsMatch("a" + c)).ToList();
        Assert.That(string.Concat(allowed), Does.Match(Ec2Text()), $"{parameterName} allows characters EC2 rejects");
        return new string('a', int.Parse((string)parameter["MaxLength"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
