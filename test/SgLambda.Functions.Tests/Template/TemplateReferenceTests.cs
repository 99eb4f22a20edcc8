using System.Text.RegularExpressions;

namespace SgLambda.Functions.Tests.Template;

/// <summary>template.yaml parses, and every name it uses is defined: refs, attributes, Sub variables, conditions.</summary>
public partial class TemplateReferenceTests
{
    private static readonly string[] PseudoParameters =
    [
        "AWS::AccountId", "AWS::NoValue", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ];

    private static SamTemplate Template => SamTemplate.Load();

    [Test]
    public void The_template_is_a_sam_template_with_parameters_resources_and_outputs()
    {
        Assert.That(Template.Root["Transform"], Is.EqualTo("AWS::Serverless-2016-10-31"));
        Assert.That(Template.Parameters, Is.Not.Empty);
        Assert.That(Template.Resources, Is.Not.Empty);
        Assert.That(SamTemplate.Map(Template.Root["Outputs"]), Is.Not.Empty);
    }

    [Test]
    public void Every_ref_names_a_parameter_a_resource_or_a_pseudo_parameter()
    {
        var refs = SamTemplate.Descendants(Template.Root).Select(v => SamTemplate.Intrinsic(v, "Ref")).Where(r => r is not null).ToList();

        Assert.That(refs, Is.Not.Empty);
        Assert.That(refs, Has.All.TypeOf<string>());
        Assert.That(refs.Cast<string>().Where(r => !IsDefined(r)), Is.Empty);
    }

    [Test]
    public void Every_get_att_names_a_resource()
    {
        var targets = SamTemplate.Descendants(Template.Root).Select(v => SamTemplate.Intrinsic(v, "Fn::GetAtt")).Where(a => a is not null).ToList();

        Assert.That(targets, Is.Not.Empty);
        Assert.That(targets, Has.All.InstanceOf<List<object?>>().With.Count.EqualTo(2));
        // SAM makes <Function>Url (AWS::Lambda::Url) for a function with FunctionUrlConfig.
        var generated = Template.FunctionNames.Where(f => Template.Properties(f).ContainsKey("FunctionUrlConfig")).Select(f => f + "Url").ToList();
        Assert.That(targets.Cast<List<object?>>().Select(a => (string)a[0]!).Where(r => !Template.Resources.ContainsKey(r) && !generated.Contains(r)), Is.Empty);
    }

    [Test]
    public void Every_sub_variable_is_defined()
    {
        var undefined = new List<string>();
        foreach (var sub in SamTemplate.Descendants(Template.Root).Select(v => SamTemplate.Intrinsic(v, "Fn::Sub")).Where(s => s is not null))
        {
            var (text, variables) = sub switch
            {
                string s => (s, new Dictionary<string, object?>()),
                List<object?> { Count: 2 } pair => ((string)pair[0]!, SamTemplate.Map(pair[1])),
                _ => throw new AssertionException($"malformed Fn::Sub {sub}"),
            };
            foreach (Match variable in SubVariable().Matches(text))
            {
                var name = variable.Groups["name"].Value;
                var resource = name.Split('.')[0];
                if (!variables.ContainsKey(name) && !IsDefined(name) && !(name.Contains('.', StringComparison.Ordinal) && Template.Resources.ContainsKey(resource)))
                    undefined.Add(name);
            }
        }
        Assert.That(undefined, Is.Empty);
    }

    [Test]
    public void Every_condition_used_is_defined_and_every_defined_one_is_used()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, resource) in Template.Resources.Concat(SamTemplate.Map(Template.Root["Outputs"])))
        {
            if (SamTemplate.Map(resource).GetValueOrDefault("Condition") is string condition) used.Add(condition);
        }
        foreach (var value in SamTemplate.Descendants(Template.Root))
        {
            if (SamTemplate.Intrinsic(value, "Fn::If") is List<object?> { Count: 3 } branches) used.Add((string)branches[0]!);
            if (SamTemplate.Intrinsic(value, "Condition") is string named) used.Add(named);
        }

        Assert.That(used, Is.Not.Empty);
        Assert.That(used.Where(c => !Template.Conditions.ContainsKey(c)), Is.Empty, "used but not defined");
        Assert.That(Template.Conditions.Keys.Where(c => !used.Contains(c)), Is.Empty, "defined but not used");
    }

    [Test]
    public void Every_parameter_is_used()
    {
        var referenced = SamTemplate.Descendants(Template.Root).Select(v => SamTemplate.Intrinsic(v, "Ref")).OfType<string>()
            .Concat(SamTemplate.Descendants(Template.Root).Select(v => SamTemplate.Intrinsic(v, "Fn::Sub")).OfType<string>()
                .SelectMany(s => SubVariable().Matches(s).Select(m => m.Groups["name"].Value)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(Template.Parameters.Keys.Where(p => !referenced.Contains(p)), Is.Empty);
    }

    [Test]
    public void Short_forms_become_their_long_forms()
    {
        var parsed = CloudFormationYaml.Parse("""
            A: !Ref X
            B: !GetAtt R.Endpoint.Address
            C: !If [Cond, !Sub "${X}-y", !Ref AWS::NoValue]
            D: !Condition Cond
            E: "!Ref not a tag"
            F: !Join [",", !Split ["|", "a|b"]]
            """);

        Assert.That(SamTemplate.Intrinsic(parsed["A"], "Ref"), Is.EqualTo("X"));
        Assert.That(SamTemplate.Intrinsic(parsed["B"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { "R", "Endpoint.Address" }));
        var ifArguments = (List<object?>)SamTemplate.Intrinsic(parsed["C"], "Fn::If")!;
        Assert.That(ifArguments[0], Is.EqualTo("Cond"));
        Assert.That(SamTemplate.Intrinsic(ifArguments[1], "Fn::Sub"), Is.EqualTo("${X}-y"));
        Assert.That(SamTemplate.Intrinsic(ifArguments[2], "Ref"), Is.EqualTo("AWS::NoValue"));
        Assert.That(SamTemplate.Intrinsic(parsed["D"], "Condition"), Is.EqualTo("Cond"));
        Assert.That(parsed["E"], Is.EqualTo("!Ref not a tag"));
        Assert.That(SamTemplate.Intrinsic(SamTemplate.Intrinsic(parsed["F"], "Fn::Join") is List<object?> join ? join[1] : null, "Fn::Split"),
            Is.EqualTo(new List<object?> { "|", "a|b" }));
    }

    [Test]
    public void An_unknown_short_form_is_refused() =>
        Assert.That(() => CloudFormationYaml.Parse("A: !NoSuchFunction x"), Throws.TypeOf<FormatException>());

    [Test]
    public void Every_function_is_built_by_a_makefile_target()
    {
        var makefile = RepositoryFiles.Read("Makefile");
        foreach (var function in Template.FunctionNames)
        {
            var metadata = SamTemplate.Map(SamTemplate.Map(Template.Resources[function]).GetValueOrDefault("Metadata"));
            Assert.That(metadata.GetValueOrDefault("BuildMethod"), Is.EqualTo("makefile"), function);
            Assert.That(makefile, Does.Contain($"\nbuild-{function}:"), function);
        }
        Assert.That(Template.FunctionNames, Is.EquivalentTo(new[] { "ChangeHandler", "Reconciler", "AdmissionWebhook" }));
    }

    private static bool IsDefined(string name) =>
        Template.Parameters.ContainsKey(name) || Template.Resources.ContainsKey(name) || PseudoParameters.Contains(name, StringComparer.Ordinal);

    // ${Name} or ${Resource.Attribute}; ${!Literal} is an escape.
    [GeneratedRegex(@"\$\{(?!!)(?<name>[A-Za-z0-9:._]+)\}")]
    private static partial Regex SubVariable();
}
