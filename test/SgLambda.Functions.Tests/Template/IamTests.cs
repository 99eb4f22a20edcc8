using SgLambda.Aws;

namespace SgLambda.Functions.Tests.Template;

/// <summary>
/// The functions' role grants exactly what the code calls (<see cref="AwsRequiredActions"/>, itself checked
/// against the emulator in SgLambda.Aws.Tests), and the cluster knows the role.
/// </summary>
public class IamTests
{
    private const string RoleName = "FunctionRole";
    private const string DeadLetterAction = "sqs:SendMessage";

    /// <summary>Managed policies for what the runtime itself does: logs, X-Ray traces, VPC ENIs.</summary>
    private static readonly string[] AllowedManagedPolicies =
    [
        "service-role/AWSLambdaBasicExecutionRole", "AWSXRayDaemonWriteAccess", "service-role/AWSLambdaVPCAccessExecutionRole",
    ];

    private static SamTemplate Template => SamTemplate.Load();

    [Test]
    public void The_actions_granted_are_the_actions_the_code_calls()
    {
        var granted = Statements(AllPolicies()).SelectMany(Actions).Where(a => a != DeadLetterAction);
        string[] required = [.. AwsRequiredActions.All, .. AwsRequiredActions.ClusterParameter, .. AwsRequiredActions.ChangeQueue.Where(a => a != DeadLetterAction)];

        Assert.That(granted.Order(StringComparer.Ordinal), Is.EqualTo(required.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void The_trust_writes_are_granted_only_when_attaching_the_trust_sg()
    {
        var conditional = Policies().Select(p => SamTemplate.Intrinsic(p, "Fn::If")).OfType<List<object?>>()
            .Where(branches => Equals(branches[0], "AttachTrust")).ToList();

        Assert.That(conditional, Has.Count.EqualTo(1));
        Assert.That(conditional[0][0], Is.EqualTo("AttachTrust"));
        Assert.That(SamTemplate.Intrinsic(conditional[0][2], "Ref"), Is.EqualTo("AWS::NoValue"));
        Assert.That(Statements([conditional[0][1]]).SelectMany(Actions), Is.EquivalentTo(AwsRequiredActions.AttachTrust));
        Assert.That(Statements(Policies().Where(p => SamTemplate.Intrinsic(p, "Fn::If") is null)).SelectMany(Actions).Where(a => a != DeadLetterAction),
            Is.EquivalentTo(AwsRequiredActions.Read.Concat(AwsRequiredActions.ChangeQueue.Where(a => a != DeadLetterAction))));
    }

    [Test]
    public void The_cluster_parameter_is_readable_only_when_named_and_only_that_parameter()
    {
        var conditional = Policies().Select(p => SamTemplate.Intrinsic(p, "Fn::If")).OfType<List<object?>>()
            .Where(branches => Equals(branches[0], "HasClusterParameter")).ToList();

        Assert.That(conditional, Has.Count.EqualTo(1));
        Assert.That(SamTemplate.Intrinsic(conditional[0][2], "Ref"), Is.EqualTo("AWS::NoValue"));
        var statements = Statements([conditional[0][1]]).ToList();
        Assert.That(statements.SelectMany(Actions), Is.EquivalentTo(AwsRequiredActions.ClusterParameter));
        Assert.That(SamTemplate.Intrinsic(statements.Single()["Resource"], "Fn::Sub"), Does.EndWith(":parameter${ClusterParameterName}"));
        Assert.That(Template.Environment("Reconciler")[EnvironmentVariables.ClusterSsmParameter], Is.Not.Null);
    }

    [Test]
    public void Only_allow_statements_and_no_wildcard_actions()
    {
        var statements = Statements(AllPolicies()).ToList();

        Assert.That(statements.Select(s => s["Effect"]), Has.All.EqualTo("Allow"));
        Assert.That(statements.SelectMany(Actions), Has.None.Contains("*"));
    }

    [Test]
    public void Writes_are_scoped_to_resources_and_the_eni_write_to_the_vpc()
    {
        var writes = Statements(AllPolicies()).Where(s => Actions(s).Intersect(AwsRequiredActions.AttachTrust, StringComparer.Ordinal).Any()).ToList();

        Assert.That(writes, Is.Not.Empty);
        Assert.That(writes.Select(s => s["Resource"]), Has.None.EqualTo("*"));
        var eni = writes.Single(s => Actions(s).Contains("ec2:ModifyNetworkInterfaceAttribute"));
        Assert.That(SamTemplate.Map(SamTemplate.Map(eni["Condition"])["ArnEquals"]), Does.ContainKey("ec2:Vpc"));
    }

    [Test]
    public void The_database_writes_need_the_tag_the_functions_look_for()
    {
        var rds = Statements(AllPolicies()).Single(s => Actions(s).Contains("rds:ModifyDBInstance"));
        var tag = Template.Environment("ChangeHandler")[EnvironmentVariables.TrustDatabaseTag] as string;

        Assert.That(Actions(rds), Is.EquivalentTo(new[] { "rds:ModifyDBInstance", "rds:ModifyDBCluster" }));
        Assert.That(tag, Is.Not.Null.And.Not.Empty, "the functions must skip the databases the role may not modify");
        Assert.That(SamTemplate.Map(SamTemplate.Map(rds["Condition"])["StringEquals"]), Is.EqualTo(new Dictionary<string, object?> { [$"aws:ResourceTag/{tag}"] = "true" }));
    }

    [Test]
    public void The_dead_letter_and_change_queues_are_the_only_queues_used_each_with_its_own_actions()
    {
        var queueStatements = Statements(AllPolicies()).Where(s => Actions(s).Any(a => a.StartsWith("sqs:", StringComparison.Ordinal))).ToList();
        var byQueue = queueStatements.ToDictionary(s => string.Join(".", ((List<object?>)SamTemplate.Intrinsic(s["Resource"], "Fn::GetAtt")!).Take(1)), Actions);

        Assert.That(byQueue.Keys, Is.EquivalentTo(new[] { "DeadLetterQueue", "ChangeQueue" }));
        Assert.That(byQueue["DeadLetterQueue"], Is.EqualTo(new[] { DeadLetterAction }));
        Assert.That(byQueue["ChangeQueue"], Is.EquivalentTo(AwsRequiredActions.ChangeQueue));
    }

    [Test]
    public void Managed_policies_are_only_the_runtime_ones()
    {
        var arns = SamTemplate.Descendants(Role()["ManagedPolicyArns"]).Select(v => SamTemplate.Intrinsic(v, "Fn::Sub")).OfType<string>().ToList();

        Assert.That(arns, Is.Not.Empty);
        Assert.That(arns.Select(a => a.Replace("arn:${AWS::Partition}:iam::aws:policy/", "", StringComparison.Ordinal)), Is.SubsetOf(AllowedManagedPolicies));
    }

    [Test]
    public void Both_functions_use_the_role_and_the_cluster_maps_it_to_the_rbac_group()
    {
        foreach (var function in Template.FunctionNames)
        {
            var role = function == WebhookFunction ? WebhookRoleName : RoleName;
            Assert.That(SamTemplate.Intrinsic(Template.FunctionProperty(function, "Role"), "Fn::GetAtt"), Is.EqualTo(new List<object?> { role, "Arn" }), function);
            Assert.That(Template.FunctionProperty(function, "Policies"), Is.Null, $"{function}: no SAM policies besides the role");
        }
        var entries = Template.Resources.Keys.Where(r => Template.Type(r) == "AWS::EKS::AccessEntry").ToList();
        Assert.That(entries, Is.EquivalentTo(new[] { "FunctionAccessEntry", "WebhookAccessEntry" }));
        var entry = Template.Properties("FunctionAccessEntry");
        Assert.That(SamTemplate.Intrinsic(entry["PrincipalArn"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { RoleName, "Arn" }));
        Assert.That(SamTemplate.Intrinsic(entry["ClusterName"], "Ref"), Is.EqualTo("ClusterName"));
        var groups = (List<object?>)entry["KubernetesGroups"]!;
        Assert.That(groups, Is.EqualTo(new List<object?> { "sglambda:functions" }));
        Assert.That(RepositoryFiles.Read("infra", "cluster", "rbac-functions.yaml"), Does.Contain("name: sglambda:functions"));
    }

    [Test]
    public void The_webhook_role_reads_only_its_secret_parameter()
    {
        var statements = Statements(((List<object?>)Role(WebhookRoleName)["Policies"]!).SelectMany(Branches)).ToList();

        Assert.That(statements.Select(s => s["Effect"]), Has.All.EqualTo("Allow"));
        Assert.That(statements.SelectMany(Actions), Is.EqualTo(new[] { "ssm:GetParameter", "ssm:GetParameter" }));
        Assert.That(statements.Select(s => SamTemplate.Intrinsic(s["Resource"], "Fn::Sub")), Is.EqualTo(new[]
        {
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${WebhookSecretParameterName}",
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ClusterParameterName}",
        }));
        var conditional = ((List<object?>)Role(WebhookRoleName)["Policies"]!).Select(p => SamTemplate.Intrinsic(p, "Fn::If")).OfType<List<object?>>().ToList();
        Assert.That(conditional.Select(c => c[0]), Is.EqualTo(new[] { "HasClusterParameter" }), "the cluster parameter only when one is used");
        var arns = SamTemplate.Descendants(Role(WebhookRoleName)["ManagedPolicyArns"]).Select(v => SamTemplate.Intrinsic(v, "Fn::Sub")).OfType<string>().ToList();
        Assert.That(arns.Select(a => a.Replace("arn:${AWS::Partition}:iam::aws:policy/", "", StringComparison.Ordinal)), Is.SubsetOf(AllowedManagedPolicies));
    }

    [Test]
    public void The_webhook_role_is_mapped_to_a_group_that_may_only_read_namespaces()
    {
        var entry = Template.Properties("WebhookAccessEntry");
        var rbac = RepositoryFiles.Read("infra", "cluster", "rbac-functions.yaml");

        Assert.That(SamTemplate.Intrinsic(entry["PrincipalArn"], "Fn::GetAtt"), Is.EqualTo(new List<object?> { WebhookRoleName, "Arn" }));
        Assert.That(entry["KubernetesGroups"], Is.EqualTo(new List<object?> { "sglambda:webhook" }));
        var documents = rbac.Split("\n---", StringSplitOptions.RemoveEmptyEntries);
        bool IsWebhook(string document, string kind) => document.Contains("\nkind: " + kind + "\n", StringComparison.Ordinal) && document.Contains("  name: sglambda-webhook\n", StringComparison.Ordinal);
        var webhookRole = documents.Single(d => IsWebhook(d, "ClusterRole"));
        Assert.That(webhookRole, Does.Contain("resources: [namespaces]").And.Contain("verbs: [get]"));
        Assert.That(webhookRole.Split('\n').Count(l => l.TrimStart().StartsWith("verbs:", StringComparison.Ordinal)), Is.EqualTo(1), "one rule");
        Assert.That(documents.Single(d => IsWebhook(d, "ClusterRoleBinding")),
            Does.Contain("name: sglambda:webhook"));
    }

    private const string WebhookFunction = "AdmissionWebhook";
    private const string WebhookRoleName = "WebhookRole";

    private static Dictionary<string, object?> Role(string name = RoleName)
    {
        Assert.That(Template.Type(name), Is.EqualTo("AWS::IAM::Role"));
        return Template.Properties(name);
    }

    private static List<object?> Policies() => (List<object?>)Role()["Policies"]!;

    /// <summary>Every policy, both branches of a conditional one.</summary>
    private static IEnumerable<object?> AllPolicies() => Policies().SelectMany(Branches);

    private static IEnumerable<object?> Branches(object? value) =>
        SamTemplate.Intrinsic(value, "Fn::If") is List<object?> { Count: 3 } branches ? branches.Skip(1).SelectMany(Branches)
        : SamTemplate.Intrinsic(value, "Ref") as string == "AWS::NoValue" ? []
        : [value];

    private static IEnumerable<Dictionary<string, object?>> Statements(IEnumerable<object?> policies) =>
        from policy in policies
        let document = SamTemplate.Map(SamTemplate.Map(policy)["PolicyDocument"])
        from statement in (List<object?>)document["Statement"]!
        select SamTemplate.Map(statement);

    private static List<string> Actions(Dictionary<string, object?> statement) => statement["Action"] switch
    {
        string single => [single],
        List<object?> many => [.. many.Cast<string>()],
        var other => throw new AssertionException($"Action is {other ?? "missing"}"),
    };
}
