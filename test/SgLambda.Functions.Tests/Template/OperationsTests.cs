namespace SgLambda.Functions.Tests.Template;

/// <summary>What running the stack needs: log retention, alarms, the trail's bucket policy, the build choice, and Rules.</summary>
public sealed class OperationsTests
{
    private static SamTemplate Template => SamTemplate.Load();

    private static IEnumerable<string> Functions => SamTemplate.Load().FunctionNames;

    /// <summary>CloudWatch Logs' retention values (PutRetentionPolicy).</summary>
    private static readonly string[] RetentionDays =
        ["1", "3", "5", "7", "14", "30", "60", "90", "120", "150", "180", "365", "400", "545", "731", "1096", "1827", "2192", "2557", "2922", "3288", "3653"];

    [TestCaseSource(nameof(Functions))]
    public void Each_function_log_group_is_declared_with_the_retention_parameter(string function)
    {
        var groups = Template.Resources.Keys.Where(name => Template.Type(name) == "AWS::Logs::LogGroup"
            && SamTemplate.Intrinsic(Template.Properties(name)["LogGroupName"], "Fn::Sub") as string == $"/aws/lambda/${{{function}}}").ToList();

        Assert.That(groups, Has.Count.EqualTo(1), $"the log group Lambda writes {function}'s logs to");
        Assert.That(SamTemplate.Intrinsic(Template.Properties(groups[0])["RetentionInDays"], "Ref"), Is.EqualTo("LogRetentionDays"));
        Assert.That(SamTemplate.Map(Template.Parameters["LogRetentionDays"])["AllowedValues"], Is.EqualTo(RetentionDays));
    }

    [TestCase("AWS/SQS", "ApproximateNumberOfMessagesVisible", "DeadLetterQueue")]
    [TestCase("AWS/Lambda", "Errors", "ChangeHandler")]
    [TestCase("AWS/Lambda", "Errors", "Reconciler")]
    [TestCase("AWS/Lambda", "Errors", "AdmissionWebhook")]
    [TestCase("AWS/Lambda", "Throttles", "AdmissionWebhook")]
    public void An_alarm_watches_the_metric_and_notifies_the_optional_topic(string metricNamespace, string metric, string resource)
    {
        var alarms = Template.Resources.Keys.Where(name => Template.Type(name) == "AWS::CloudWatch::Alarm").Select(Template.Properties)
            .Where(p => (string?)p["Namespace"] == metricNamespace && (string?)p["MetricName"] == metric
                && (p["Dimensions"] as List<object?> ?? []).Select(SamTemplate.Map).Any(d => SamTemplate.Descendants(d["Value"]).Contains(resource)))
            .ToList();

        Assert.That(alarms, Has.Count.EqualTo(1), $"one alarm on {metric} of {resource}");
        var actions = SamTemplate.Intrinsic(alarms[0]["AlarmActions"], "Fn::If") as List<object?>;
        Assert.That(actions![0], Is.EqualTo("HasAlarmTopic"));
        Assert.That(actions[1], Is.EqualTo(new List<object?> { new Dictionary<string, object?> { ["Ref"] = "AlarmTopicArn" } }));
        Assert.That((string?)alarms[0]["ComparisonOperator"], Is.EqualTo("GreaterThanThreshold"));
        Assert.That((string?)alarms[0]["Threshold"], Is.EqualTo("0"));
    }

    [Test]
    public void The_trail_bucket_admits_only_this_stack_trail()
    {
        var trailName = SamTemplate.Intrinsic(Template.Properties("Trail")["TrailName"], "Fn::Sub") as string;
        var statements = (SamTemplate.Map(Template.Properties("TrailBucketPolicy")["PolicyDocument"])["Statement"] as List<object?>)!.Select(SamTemplate.Map).ToList();

        Assert.That(trailName, Is.Not.Null);
        Assert.That(statements.Where(s => SamTemplate.Map(s["Principal"]).GetValueOrDefault("Service") as string == "cloudtrail.amazonaws.com"), Has.Exactly(2).Items);
        foreach (var statement in statements)
        {
            var sourceArn = SamTemplate.Intrinsic(SamTemplate.Map(SamTemplate.Map(statement["Condition"])["ArnEquals"])["aws:SourceArn"], "Fn::Sub");
            Assert.That(sourceArn, Is.EqualTo($"arn:${{AWS::Partition}}:cloudtrail:${{AWS::Region}}:${{AWS::AccountId}}:trail/{trailName}"), (string?)statement["Sid"]);
        }
    }

    [Test]
    public void The_runtime_is_a_parameter_and_the_makefile_builds_native_AOT_on_request()
    {
        var makefile = RepositoryFiles.Read("Makefile");

        Assert.That(SamTemplate.Intrinsic(Template.GlobalFunction["Runtime"], "Ref"), Is.EqualTo("FunctionRuntime"));
        Assert.That(SamTemplate.Map(Template.Parameters["FunctionRuntime"])["AllowedValues"], Is.EqualTo(new[] { "dotnet10", "provided.al2023" }));
        Assert.That(makefile, Does.Contain("ifeq ($(AOT),true)").And.Contain("-p:PublishAot=true"));
    }

    [Test]
    public void Sam_build_output_is_not_committed()
    {
        Assert.That(RepositoryFiles.Read(".gitignore").Split('\n').Select(l => l.Trim()), Does.Contain(".aws-sam/"));
    }

    // The parameters of README's deploy (endpoint and CA), which the Rules accept.
    private static readonly Dictionary<string, string> Deploy = new(StringComparer.Ordinal)
    {
        ["ClusterEndpoint"] = "https://0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com",
        ["ClusterCertificateAuthority"] = "LS0tLS1CRUdJTg==",
    };

    private static IReadOnlyList<string> Failures(params (string Name, string Value)[] changes)
    {
        var values = new Dictionary<string, string>(Deploy, StringComparer.Ordinal);
        foreach (var (name, value) in changes) values[name] = value;
        return CloudFormationRules.Failures(Template, values);
    }

    [Test]
    public void The_rules_accept_the_readme_deploy_and_the_private_cluster_through_a_parameter()
    {
        Assert.That(Failures(), Is.Empty);
        Assert.That(Failures(("ClusterEndpoint", ""), ("ClusterCertificateAuthority", ""), ("ClusterParameterName", "/sglambda/cluster"),
            ("FunctionSubnetIds", "subnet-0a,subnet-0b"), ("FunctionSecurityGroupId", "sg-0ccccccccccccccc3")), Is.Empty);
    }

    [TestCase("FunctionSubnetIds", "subnet-0a,subnet-0b", "FunctionSubnetIds needs FunctionSecurityGroupId")]
    [TestCase("FunctionSecurityGroupId", "sg-0ccccccccccccccc3", "FunctionSecurityGroupId is only used with FunctionSubnetIds")]
    [TestCase("ClusterParameterName", "/sglambda/cluster", "not both")]
    [TestCase("ClusterCertificateAuthority", "", "ClusterEndpoint needs ClusterCertificateAuthority")]
    public void The_rules_refuse_a_combination_that_cannot_work(string parameter, string value, string failure)
    {
        Assert.That(Failures((parameter, value)), Has.One.Contains(failure));
    }

    [Test]
    public void The_rules_refuse_a_cluster_the_functions_could_not_reach_as_the_settings_reader_does_at_init()
    {
        var failures = Failures(("ClusterEndpoint", ""), ("ClusterCertificateAuthority", ""));
        string? Environment(string name) => name switch
        {
            EnvironmentVariables.VpcId => "vpc-0a1b2c3d4e5f60718",
            EnvironmentVariables.ClusterName => "demo",
            EnvironmentVariables.AwsRegion => "us-west-2",
            _ => null,
        };

        Assert.That(failures, Has.One.Contains("cannot reach the cluster"));
        Assert.That(() => FunctionSettingsReader.Read(Environment), Throws.TypeOf<ConfigurationException>().With.Message.Contains(EnvironmentVariables.ClusterEndpoint));
    }
}
