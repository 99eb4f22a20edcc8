using System.Text.Json.Nodes;

namespace SgLambda.Cli.Tests.Sandbox;

/// <summary>
/// The real AWS CLI and kubectl against one <c>sglambda sandbox</c>, configured only by its aws.env and kubeconfig:
/// each test asserts what the client printed. A client that is not installed skips its tests, saying so.
/// </summary>
[NonParallelizable]
public sealed class CliClientConformanceTests
{
    private SandboxProcess? _sandbox;

    private SandboxProcess Sandbox => _sandbox ??= SandboxProcess.Start();

    [OneTimeTearDown]
    public void StopSandbox() => _sandbox?.Dispose();

    private JsonNode Aws(params string[] args)
    {
        var aws = ExternalTool.Require("aws");
        var result = ExternalTool.Run(aws, Sandbox.Directory, Sandbox.Environment, [.. args, "--output", "json"]);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return result.Stdout.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(result.Stdout)!;
    }

    private CliResult Kubectl(params string[] args)
    {
        var kubectl = ExternalTool.Require("kubectl");
        return ExternalTool.Run(kubectl, Sandbox.Directory, Sandbox.Environment, args);
    }

    [Test]
    public void Aws_sts_get_caller_identity_names_the_sandboxs_account()
    {
        var identity = Aws("sts", "get-caller-identity");

        Assert.That(identity["Account"]!.GetValue<string>(), Is.EqualTo("111122223333"));
        Assert.That(identity["Arn"]!.GetValue<string>(), Does.StartWith("arn:aws:iam::111122223333:user/"));
    }

    [Test]
    public void Aws_ec2_describe_subnets_and_describe_security_groups_show_the_seeded_vpc()
    {
        var subnets = Aws("ec2", "describe-subnets", "--filters", "Name=vpc-id,Values=vpc-0a1b2c3d4e5f60718");
        var groups = Aws("ec2", "describe-security-groups", "--group-ids", "sg-98765432109876");

        Assert.That(subnets["Subnets"]!.AsArray().Select(s => s!["CidrBlock"]!.GetValue<string>()), Is.EquivalentTo(new[] { "10.0.1.0/24", "10.0.2.0/24" }));
        var pod = groups["SecurityGroups"]![0]!;
        Assert.That(pod["GroupName"]!.GetValue<string>(), Is.EqualTo("pod-sg"));
        Assert.That(pod["IpPermissions"]![0]!["UserIdGroupPairs"]![0]!["GroupId"]!.GetValue<string>(), Is.EqualTo("sg-12345678901234"));
    }

    [Test]
    public void Aws_ec2_create_tags_then_describe_tags_and_delete_tags()
    {
        Aws("ec2", "create-tags", "--resources", "sg-98765432109876", "--tags", "Key=team,Value=payments");
        // pod-sg also carries the snapshot's Name tag: look at the key this test adds.
        var tags = Aws("ec2", "describe-tags", "--filters", "Name=resource-id,Values=sg-98765432109876", "Name=key,Values=team");
        Aws("ec2", "delete-tags", "--resources", "sg-98765432109876", "--tags", "Key=team");
        var after = Aws("ec2", "describe-tags", "--filters", "Name=resource-id,Values=sg-98765432109876", "Name=key,Values=team");

        Assert.That(tags["Tags"]!.AsArray().Select(t => $"{t!["ResourceType"]} {t["Key"]}={t["Value"]}"), Is.EqualTo(new[] { "security-group team=payments" }));
        Assert.That(after["Tags"]!.AsArray(), Is.Empty);
    }

    [Test]
    public void Aws_ec2_authorize_security_group_ingress_reaches_the_change_handler_live()
    {
        Aws("ec2", "authorize-security-group-ingress", "--group-id", "sg-98765432109876", "--protocol", "tcp", "--port", "8443", "--cidr", "10.0.0.0/16");

        var line = Sandbox.WaitForLine(l => l.Contains("event AuthorizeSecurityGroupIngress", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.That(line, Does.Contain(": applied"));
        Sandbox.WaitForLine(l => l.Contains("sg-local.sg-98765432109876", StringComparison.Ordinal) && l.Contains("updated", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
    }

    [Test]
    public void Aws_rds_create_modify_and_describe_db_instances_reach_the_change_handler_live()
    {
        var created = Aws("rds", "create-db-instance", "--db-instance-identifier", "orders-db", "--db-instance-class", "db.t3.micro",
            "--engine", "postgres", "--master-username", "app", "--master-user-password", "sandbox-secret", "--allocated-storage", "20",
            "--vpc-security-group-ids", "sg-12345678901234");
        var createdLine = Sandbox.WaitForLine(l => l.Contains("event CreateDBInstance", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var modified = Aws("rds", "modify-db-instance", "--db-instance-identifier", "orders-db",
            "--vpc-security-group-ids", "sg-12345678901234", "sg-98765432109876", "--apply-immediately");
        var modifiedLine = Sandbox.WaitForLine(l => l.Contains("event ModifyDBInstance", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var described = Aws("rds", "describe-db-instances", "--db-instance-identifier", "orders-db");

        Assert.That(created["DBInstance"]!["DBInstanceStatus"]!.GetValue<string>(), Is.EqualTo("creating"));
        Assert.That(createdLine, Does.Contain(": applied (DB instance orders-db created)"));
        Assert.That(modified["DBInstance"]!["VpcSecurityGroups"]!.AsArray().Select(g => g!["VpcSecurityGroupId"]!.GetValue<string>()),
            Is.EqualTo(new[] { "sg-12345678901234", "sg-98765432109876" }));
        Assert.That(modifiedLine, Does.Contain(": applied (DB instance orders-db modified)"));
        var instance = described["DBInstances"]![0]!;
        Assert.That(instance["DBInstanceStatus"]!.GetValue<string>(), Is.EqualTo("available"));
        Assert.That(instance["Endpoint"]!["Address"]!.GetValue<string>(), Does.StartWith("orders-db."));
    }

    [Test]
    public void Kubectl_reads_the_policies_and_host_endpoints_sglambda_wrote_and_the_nodes()
    {
        var policies = Kubectl("get", "globalnetworkpolicies.projectcalico.org", "-o", "name");
        var endpoints = Kubectl("get", "hostendpoints.projectcalico.org", "-o", "name");
        var nodes = Kubectl("get", "nodes", "-o", "name");

        Assert.That(policies.ExitCode, Is.Zero, policies.Stderr);
        Assert.That(policies.Stdout, Does.Contain("globalnetworkpolicy.projectcalico.org/sg-local.sg-98765432109876"));
        Assert.That(endpoints.Stdout, Does.Contain("hostendpoint.projectcalico.org/eni-0a11b22c33d44e556"), "the tutorial's EC2 instance");
        Assert.That(nodes.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EquivalentTo(new[]
        {
            "node/ip-10-0-1-50.us-west-2.compute.internal", "node/ip-10-0-2-60.us-west-2.compute.internal",
        }));
    }
}
