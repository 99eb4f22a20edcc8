using System.Reflection;

namespace SgLambda.Functions.Tests.Template;

/// <summary>The functions of template.yaml against the code: handler strings, environment, invocation settings.</summary>
public class FunctionTests
{
    /// <summary>A valid value for each variable the template may set, as a deployment would give it.</summary>
    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
    {
        [EnvironmentVariables.VpcId] = "vpc-0a1b2c3d4e5f60718",
        [EnvironmentVariables.ClusterName] = "tutorial",
        [EnvironmentVariables.ClusterEndpoint] = "https://0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com",
        [EnvironmentVariables.ClusterCertificateAuthority] = "LS0tLS1CRUdJTg==",
        [EnvironmentVariables.ClusterSsmParameter] = "/sglambda/cluster",
        [EnvironmentVariables.PodSecurityGroupId] = "sg-0123456789abcdef0",
        [EnvironmentVariables.NodeSecurityGroupIds] = "sg-0123456789abcdef1,sg-0123456789abcdef2",
        [EnvironmentVariables.ExemptNamespaces] = "kube-system,calico-system,calico-apiserver,tigera-operator",
        [EnvironmentVariables.TrustSecurityGroupId] = "sg-0123456789abcdef3",
        [EnvironmentVariables.EnforcedSecurityGroupId] = "sg-0123456789abcdef4",
        [EnvironmentVariables.AttachTrustSecurityGroup] = "true",
        [EnvironmentVariables.TrustDatabaseTag] = "sglambda.io/attach-trust",
        [EnvironmentVariables.DefaultPodMetadataAccess] = "Denied",
        [EnvironmentVariables.EnforceNodes] = "true",
        [EnvironmentVariables.CalicoApiGroup] = "projectcalico.org/v3",
        [EnvironmentVariables.AccountId] = "111122223333",
        [EnvironmentVariables.LogLevel] = "Information",
        [EnvironmentVariables.MemberNodeName] = "aws-vpc",
        [EnvironmentVariables.WebhookSecretSsmParameter] = "/sglambda/webhook-secret",
    };

    /// <summary>What Lambda itself sets; the template must not.</summary>
    private static readonly string[] SetByLambda =
    [
        EnvironmentVariables.AwsRegion, EnvironmentVariables.FunctionName, EnvironmentVariables.RuntimeApi, EnvironmentVariables.Handler,
    ];

    private static SamTemplate Template => SamTemplate.Load();

    private static IEnumerable<string> Functions => SamTemplate.Load().FunctionNames;

    [TestCaseSource(nameof(Functions))]
    public void The_handler_string_names_a_public_stream_handler(string function)
    {
        var handler = (string)Template.FunctionProperty(function, "Handler")!;
        var parts = handler.Split("::");
        Assert.That(parts, Has.Length.EqualTo(3), handler);
        var assembly = typeof(ChangeHandler).Assembly;

        Assert.That(parts[0], Is.EqualTo(assembly.GetName().Name));
        var type = assembly.GetType(parts[1]);
        Assert.That(type, Is.Not.Null, $"{parts[1]} is not in {parts[0]}");
        Assert.That(type!.IsPublic && type.IsClass && !type.IsAbstract, Is.True, $"{type} is a public concrete class");
        Assert.That(type.GetConstructor(Type.EmptyTypes), Is.Not.Null, $"{type} has a public parameterless constructor");
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)]);
        Assert.That(method, Is.Not.Null, $"{type}.{parts[2]}(Stream)");
        Assert.That(method!.ReturnType, Is.EqualTo(typeof(Task<Stream>)));
    }

    [TestCaseSource(nameof(Functions))]
    public void The_aot_bootstrap_knows_the_handler_string_too(string function)
    {
        // The Makefile's Native AOT variant keeps the template's Handler: the bootstrap picks the function by it.
        var handler = (string)Template.FunctionProperty(function, "Handler")!;

        Assert.That(Lambda.LambdaHandlers.Names, Does.Contain(handler));
    }

    [TestCaseSource(nameof(Functions))]
    public void Every_variable_set_is_one_the_code_reads(string function)
    {
        var known = typeof(EnvironmentVariables).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var set = Template.Environment(function).Keys.ToList();

        Assert.That(set, Is.Not.Empty);
        Assert.That(set.Except(known, StringComparer.Ordinal), Is.Empty, "not in EnvironmentVariables");
        Assert.That(set.Intersect(SetByLambda, StringComparer.Ordinal), Is.Empty, "set by Lambda");
        Assert.That(set.Where(v => v.StartsWith("SGLAMBDA_OFFLINE_", StringComparison.Ordinal)), Is.Empty, "offline mode is for tests");
    }

    [TestCaseSource(nameof(Functions))]
    public void The_variables_set_are_enough_for_the_settings_reader(string function)
    {
        var set = Template.Environment(function).Keys.ToHashSet(StringComparer.Ordinal);
        string? Environment(string name) =>
            name == EnvironmentVariables.AwsRegion ? "us-west-2" : set.Contains(name) ? SampleValues[name] : null;

        var settings = FunctionSettingsReader.Read(Environment);

        Assert.That(settings.Config.VpcId, Is.EqualTo(SampleValues[EnvironmentVariables.VpcId]));
        Assert.That(settings.Config.AttachTrustSecurityGroup, Is.True, "the trust SG is set whenever attaching is possible");
    }

    [TestCaseSource(nameof(Functions))]
    public void A_missing_required_variable_would_be_noticed(string function)
    {
        // The check above can fail: without the VPC id the reader refuses the environment.
        var set = Template.Environment(function).Keys.Where(k => k != EnvironmentVariables.VpcId).ToHashSet(StringComparer.Ordinal);
        string? Environment(string name) => name == EnvironmentVariables.AwsRegion ? "us-west-2" : set.Contains(name) ? SampleValues[name] : null;

        Assert.That(() => FunctionSettingsReader.Read(Environment), Throws.TypeOf<ConfigurationException>());
    }

    [TestCaseSource(nameof(Functions))]
    public void Every_allowed_value_of_a_parameter_passed_through_is_accepted_by_the_reader(string function)
    {
        var variables = Template.Environment(function);
        var checkedAny = false;
        foreach (var (name, value) in variables)
        {
            if (SamTemplate.Intrinsic(value, "Ref") is not string parameter) continue;
            if (SamTemplate.Map(Template.Parameters.GetValueOrDefault(parameter)).GetValueOrDefault("AllowedValues") is not List<object?> allowed) continue;
            foreach (var allowedValue in allowed.Cast<string>())
            {
                string? Environment(string n) => n == name ? allowedValue : n == EnvironmentVariables.AwsRegion ? "us-west-2"
                    : variables.ContainsKey(n) ? SampleValues[n] : null;
                Assert.That(() => FunctionSettingsReader.Read(Environment), Throws.Nothing, $"{name}={allowedValue} (parameter {parameter})");
                checkedAny = true;
            }
        }
        Assert.That(checkedAny, Is.True);
    }

    [Test]
    public void The_change_handler_takes_batches_of_its_queue_and_sends_failed_events_to_the_dead_letter_queue()
    {
        var properties = Template.Properties("ChangeHandler");
        var invoke = SamTemplate.Map(properties["EventInvokeConfig"]);
        var onFailure = SamTemplate.Map(SamTemplate.Map(invoke["DestinationConfig"])["OnFailure"]);
        var batches = Template.Properties("ChangeQueueBatches");
        var queue = Template.Properties("ChangeQueue");
        var redrive = SamTemplate.Map(queue["RedrivePolicy"]);
        var variables = SamTemplate.Map(SamTemplate.Map(properties["Environment"])["Variables"]);

        // The event source runs at least 2 batches at once; the rest of the reserve parks events.
        Assert.That(int.Parse((string)ReservedConcurrency(properties)!, System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(int.Parse((string)SamTemplate.Map(batches["ScalingConfig"])["MaximumConcurrency"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Template.Type("ChangeQueueBatches"), Is.EqualTo("AWS::Lambda::EventSourceMapping"));
        Assert.That(SamTemplate.Intrinsic(batches["EventSourceArn"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { "ChangeQueue", "Arn" }));
        Assert.That(SamTemplate.Intrinsic(batches["FunctionName"], "Ref"), Is.EqualTo("ChangeHandler"));
        Assert.That(batches["FunctionResponseTypes"], Is.EqualTo(new List<object?> { "ReportBatchItemFailures" }));
        Assert.That(SamTemplate.Intrinsic(variables["SGLAMBDA_CHANGE_QUEUE_URL"], "Ref"), Is.EqualTo("ChangeQueue"));
        Assert.That(SamTemplate.Intrinsic(redrive["deadLetterTargetArn"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { "DeadLetterQueue", "Arn" }));
        // Lambda's advice for SQS event sources: visibility at least six times the function timeout.
        Assert.That(int.Parse((string)queue["VisibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThanOrEqualTo(6 * int.Parse((string)Template.GlobalFunction["Timeout"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(int.Parse((string)invoke["MaximumRetryAttempts"]!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0, 2));
        Assert.That(int.Parse((string)invoke["MaximumEventAgeInSeconds"]!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(60, 21600));
        Assert.That(onFailure["Type"], Is.EqualTo("SQS"));
        Assert.That(SamTemplate.Intrinsic(onFailure["Destination"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { "DeadLetterQueue", "Arn" }));
        Assert.That(Template.Type("DeadLetterQueue"), Is.EqualTo("AWS::SQS::Queue"));
    }

    [Test]
    public void The_public_webhook_is_capped_by_its_concurrency_parameter()
    {
        var properties = Template.Properties("AdmissionWebhook");

        Assert.That(SamTemplate.Intrinsic(ReservedConcurrency(properties), "Ref"), Is.EqualTo("WebhookConcurrency"));
        Assert.That(SamTemplate.Map(Template.Parameters["WebhookConcurrency"])["Type"], Is.EqualTo("Number"));
    }

    [TestCaseSource(nameof(Functions))]
    public void Reserved_concurrency_is_left_out_where_the_account_quota_is_too_low(string function)
    {
        // Lambda keeps 100 concurrent executions unreserved: a reservation above quota - 100 fails the deploy.
        var reserved = Template.Properties(function)["ReservedConcurrentExecutions"];
        var choice = SamTemplate.Intrinsic(reserved, "Fn::If") as List<object?>;

        Assert.That(choice, Has.Count.EqualTo(3), $"{function}: ReservedConcurrentExecutions is not conditional");
        Assert.That(choice![0], Is.EqualTo("ShouldReserveConcurrency"));
        Assert.That(SamTemplate.Intrinsic(choice[2], "Ref"), Is.EqualTo("AWS::NoValue"));
        Assert.That(SamTemplate.Map(Template.Conditions["ShouldReserveConcurrency"])["Fn::Equals"], Is.EqualTo(new List<object?> { new Dictionary<string, object?> { ["Ref"] = "ReserveConcurrency" }, "true" }));
    }

    /// <summary>The reservation when ReserveConcurrency is on (the Fn::If's first branch).</summary>
    private static object? ReservedConcurrency(Dictionary<string, object?> properties) =>
        (SamTemplate.Intrinsic(properties["ReservedConcurrentExecutions"], "Fn::If") as List<object?>)?[1];

    [Test]
    public void The_reconciler_runs_on_the_schedule_parameter()
    {
        var events = SamTemplate.Map(Template.Properties("Reconciler")["Events"]).Values.Select(SamTemplate.Map).ToList();

        Assert.That(events.Select(e => e["Type"]), Is.EqualTo(new[] { "Schedule" }));
        Assert.That(SamTemplate.Intrinsic(SamTemplate.Map(events[0]["Properties"])["Schedule"], "Ref"), Is.EqualTo("ReconcileSchedule"));
        Assert.That(SamTemplate.Map(Template.Parameters["ReconcileSchedule"])["Default"], Is.EqualTo("rate(10 minutes)"));
        Assert.That(Template.EventPatterns("Reconciler"), Is.Empty);
    }

    /// <summary>
    /// README's install into a running cluster: the first deploy (SyncEnabled=false) writes nothing to the cluster
    /// (the change queue's event source and the schedule are off; events wait in the queue) until webhook.yaml is in.
    /// </summary>
    [Test]
    public void SyncEnabled_false_turns_off_the_queue_source_and_the_schedule_only()
    {
        var schedule = SamTemplate.Map(SamTemplate.Map(SamTemplate.Map(Template.Properties("Reconciler")["Events"]).Values.Single())["Properties"]);
        var batches = Template.Properties("ChangeQueueBatches");

        // Enabled, not State: SAM takes either, and the registry's SAM schema knows only Enabled.
        Assert.That(SamTemplate.Intrinsic(schedule["Enabled"], "Fn::If"), Is.EqualTo(new List<object?> { "Syncing", "true", "false" }));
        Assert.That(schedule.ContainsKey("State"), Is.False);
        Assert.That(SamTemplate.Intrinsic(batches["Enabled"], "Fn::If"), Is.EqualTo(new List<object?> { "Syncing", "true", "false" }), "YAML booleans, as CloudFormation reads them");
        Assert.That(SamTemplate.Map(Template.Conditions["Syncing"])["Fn::Equals"], Is.EqualTo(new List<object?> { new Dictionary<string, object?> { ["Ref"] = "SyncEnabled" }, "true" }));
        Assert.That(SamTemplate.Map(Template.Parameters["SyncEnabled"])["Default"], Is.EqualTo("true"), "an update keeps syncing");
        var uses = SamTemplate.Descendants(Template.Resources).Count(node => SamTemplate.Intrinsic(node, "Fn::If") is List<object?> { Count: 3 } choice && Equals(choice[0], "Syncing"));
        Assert.That(uses, Is.EqualTo(2), "the EventBridge rules still deliver to the change handler, which parks events in the queue");
    }

    [Test]
    public void The_webhook_reads_its_secret_from_the_parameter_the_template_names()
    {
        var variables = Template.Environment("AdmissionWebhook");
        var asked = new List<string>();
        string? Environment(string name) => variables.ContainsKey(name) ? SampleValues[name] : null;

        var secret = Webhook.WebhookSecretReader.Read(Environment, "us-west-2", name => { asked.Add(name); return new string('a', 64); });

        Assert.That(secret.Matches(new string('a', 64)), Is.True);
        Assert.That(asked, Is.EqualTo(new[] { "/sglambda/webhook-secret" }));
        Assert.That(SamTemplate.Intrinsic(variables[EnvironmentVariables.WebhookSecretSsmParameter], "Ref"), Is.EqualTo("WebhookSecretParameterName"));
        Assert.That(variables.ContainsKey(EnvironmentVariables.WebhookSecret), Is.False, "the secret itself is never in the template");
        Assert.That(Template.FunctionNames.Where(f => f != "AdmissionWebhook").Select(f => Template.Environment(f)),
            Has.None.ContainKey(EnvironmentVariables.WebhookSecretSsmParameter));
    }

    [Test]
    public void The_webhook_is_a_public_function_url_answering_within_the_api_servers_timeout()
    {
        var properties = Template.Properties("AdmissionWebhook");
        var url = SamTemplate.Map(properties["FunctionUrlConfig"]);
        var webhookConfiguration = RepositoryFiles.Read("infra", "cluster", "webhook.yaml");
        var timeoutSeconds = int.Parse(System.Text.RegularExpressions.Regex.Match(webhookConfiguration, @"timeoutSeconds: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(url["AuthType"], Is.EqualTo("NONE"));
        Assert.That(int.Parse((string)properties["Timeout"]!, System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(timeoutSeconds));
        Assert.That(Template.Properties("AdmissionWebhookUrlInvoke")["InvokedViaFunctionUrl"], Is.EqualTo("true"));
        Assert.That(SamTemplate.Intrinsic(Template.Properties("AdmissionWebhookUrlInvoke")["FunctionName"], "Ref"), Is.EqualTo("AdmissionWebhook"));
        var output = SamTemplate.Map(SamTemplate.Map(Template.Root["Outputs"])["AdmissionWebhookUrl"]);
        Assert.That(SamTemplate.Intrinsic(output["Value"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { "AdmissionWebhookUrl", "FunctionUrl" }));
        Assert.That(Template.EventPatterns("AdmissionWebhook"), Is.Empty);
    }
}
