using System.Text.Json.Nodes;

namespace SgLambda.Cli.Tests;

/// <summary>
/// <c>explain</c> offline on the tutorial: the AWS snapshot folder, the rendered objects as the cluster
/// (Golden/tutorial.json), pods from a kubectl file, and the tutorial's default-deny NetworkPolicy.
/// </summary>
public sealed class ExplainCommandTests
{
    private const string Instance = "i-0e5f6a7b8c9d01234";
    private const string InstanceEni = "eni-0a11b22c33d44e556";
    private const string Node = "ip-10-0-1-50.us-west-2.compute.internal";
    private const string PodTester = "integration-demo/pod-tester";
    private const string PodSgHttpRule = "sgr-0ccbed4f94070367d";

    private static string Fixtures => Path.Combine(RepositoryPaths.Root, "test", "SgLambda.Cli.Tests", "Explain");

    private static CliResult Explain(string from, string to, string port, params string[] extra) =>
        CliResult.Run([
            "explain", "--from", from, "--to", to, "--port", port,
            "--aws-snapshot", RepositoryPaths.Tutorial,
            "--cluster-snapshot", Path.Combine(RepositoryPaths.Golden, "tutorial.json"),
            "--pods", Path.Combine(Fixtures, "pods.json"),
            .. extra,
        ]);

    private static JsonObject Json(CliResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static JsonObject? Tier(JsonNode side, string tier) =>
        side["tiers"]!.AsArray().Select(t => t!.AsObject()).FirstOrDefault(t => t["tier"]!.GetValue<string>() == tier);

    [Test]
    public void Instance_to_pod_on_80_is_allowed_and_names_the_pod_sg_rule_on_both_sides()
    {
        var result = Explain(Instance, PodTester, "80/tcp");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("verdict: ALLOWED"));
        Assert.That(result.Stdout, Does.Contain("sg-local.sg-98765432109876"));
        Assert.That(result.Stdout, Does.Contain(PodSgHttpRule));
        Assert.That(result.Stdout, Does.Contain("HTTP from instance-sg"));
        Assert.That(result.Stdout, Does.Contain("sg-98765432109876 (pod-sg)"));
        Assert.That(result.Stdout, Does.Contain("integration tiers and AWS agree"));
    }

    [Test]
    public void Instance_to_pod_on_a_port_no_sg_allows_is_denied_by_sg_local_and_by_aws()
    {
        var report = Json(Explain(Instance, PodTester, "8080", "-o", "json"));

        Assert.That(report["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(report["agree"]!.GetValue<bool>(), Is.True);
        var sgLocal = Tier(report["calico"]!["ingress"]!, "sg-local")!;
        Assert.That(sgLocal["decision"]!.GetValue<string>(), Is.EqualTo("deny"));
        Assert.That(Tier(report["calico"]!["ingress"]!, "default")!["decision"]!.GetValue<string>(), Is.EqualTo("not-reached"));
        Assert.That(report["aws"]!["ingress"]!["allowed"]!.GetValue<bool>(), Is.False);
        Assert.That(report["aws"]!["ingress"]!["rule"], Is.Null);
    }

    [Test]
    public void The_tutorials_default_deny_network_policy_denies_what_the_sgs_allow()
    {
        var result = Explain(Instance, PodTester, "80/tcp", "--cluster-snapshot", Path.Combine(Fixtures, "default-deny.yaml"));

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("verdict: DENIED"));
        Assert.That(result.Stdout, Does.Contain("a later tier (Kubernetes or Calico NetworkPolicy) denies it"));
        Assert.That(result.Stdout, Does.Match(@"default\s+deny\s+tier default"));
    }

    [Test]
    public void Json_report_of_an_eni_to_a_pod_has_the_documented_shape()
    {
        var report = Json(Explain(InstanceEni, PodTester, "80", "-o", "json"));

        Assert.That(report.Select(p => p.Key), Is.EqualTo(new[] { "from", "to", "traffic", "flow", "allowed", "agree", "calico", "aws", "notes" }));
        Assert.That(report["from"]!["kind"]!.GetValue<string>(), Is.EqualTo("eni"));
        Assert.That(report["from"]!["addresses"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "10.0.1.25" }));
        Assert.That(report["to"]!["kind"]!.GetValue<string>(), Is.EqualTo("pod"));
        Assert.That(report["traffic"]!.GetValue<string>(), Is.EqualTo("80/tcp"));
        Assert.That(report["flow"]!.ToJsonString(), Is.EqualTo("""{"source":"10.0.1.25","destination":"10.0.1.51","protocol":6,"port":80}"""));
        Assert.That(report["calico"]!["egress"], Is.Null, "a VPC member's HostEndpoint is not enforced");
        var sgLocal = Tier(report["calico"]!["ingress"]!, "sg-local")!;
        Assert.That(sgLocal.ToJsonString(), Is.EqualTo(
            """{"tier":"sg-local","decision":"pass","by":"rule","policy":"sg-local.sg-98765432109876","ruleIndex":0,"ruleId":"sgr-0ccbed4f94070367d","ruleDescription":"HTTP from instance-sg","securityGroup":"sg-98765432109876"}"""));
        var awsRule = report["aws"]!["ingress"]!["rule"]!;
        Assert.That(awsRule["ruleId"]!.GetValue<string>(), Is.EqualTo(PodSgHttpRule));
        Assert.That(awsRule["securityGroupName"]!.GetValue<string>(), Is.EqualTo("pod-sg"));
        Assert.That(awsRule["peer"]!.GetValue<string>(), Is.EqualTo("sg-12345678901234"));
        Assert.That(report["allowed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void A_node_name_resolves_to_its_primary_address_and_its_egress_is_enforced()
    {
        var report = Json(Explain(Node, PodTester, "80", "-o", "json"));

        Assert.That(report["from"]!["kind"]!.GetValue<string>(), Is.EqualTo("node"));
        Assert.That(report["flow"]!["source"]!.GetValue<string>(), Is.EqualTo("10.0.1.50"));
        Assert.That(report["calico"]!["egress"]!["endpoint"]!.GetValue<string>(), Does.Contain("node." + Node));
        Assert.That(report["aws"]!["ingress"]!["rule"]!["peer"]!.GetValue<string>(), Is.EqualTo("sg-0c5e1a7b3d9f24681"), "pod-default admits the nodes");
        Assert.That(report["allowed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void An_office_address_reaches_the_instance_over_ssh_through_the_prefix_list_and_aws_alone_decides()
    {
        var report = Json(Explain("203.0.113.9", Instance, "22", "-o", "json"));

        Assert.That(report["from"]!["kind"]!.GetValue<string>(), Is.EqualTo("address"));
        Assert.That(report["aws"]!["ingress"]!["rule"]!["peer"]!.GetValue<string>(), Is.EqualTo("pl-0c2e4a6b8d0f13579"));
        Assert.That(report["calico"]!["enforced"]!.GetValue<bool>(), Is.False);
        Assert.That(report["allowed"]!.GetValue<bool>(), Is.True);
        Assert.That(report["notes"]!.ToJsonString(), Does.Contain("AWS security groups alone decide"));

        var outside = Json(Explain("192.0.2.77", Instance, "22", "-o", "json"));
        Assert.That(outside["allowed"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public void Icmp_and_udp_are_understood()
    {
        var ping = Json(Explain("shop/web", PodTester, "icmp", "-o", "json"));
        Assert.That(ping["flow"]!.ToJsonString(), Is.EqualTo("""{"source":"10.0.2.61","destination":"10.0.1.51","protocol":1,"icmpType":8,"icmpCode":0}"""));
        Assert.That(ping["allowed"]!.GetValue<bool>(), Is.True, "pod-default admits all from its own members");

        var dns = Json(Explain("shop/web", "10.0.0.2", "53/udp", "-o", "json"));
        Assert.That(dns["aws"]!["exemption"]!.GetValue<string>(), Does.Contain("DNS"));
    }

    [Test]
    public void Yaml_output_is_the_same_report()
    {
        var result = Explain(Instance, PodTester, "80", "-o", "yaml");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("ruleId: sgr-0ccbed4f94070367d"));
        Assert.That(result.Stdout, Does.Contain("allowed: true"));
    }

    [Test]
    public void Text_output_has_no_colour_when_redirected()
    {
        var result = Explain(Instance, PodTester, "80");

        Assert.That(result.Stdout, Does.Not.Contain("\u001b["));
    }

    [TestCase("integration-demo/missing", "no pod \"missing\" in namespace \"integration-demo\"")]
    [TestCase("eni-0000000000000dead", "no such network interface")]
    [TestCase("i-0000000000000dead", "no network interface of this instance")]
    [TestCase("no-such-node", "no node or pod of that name")]
    [TestCase("web", "ambiguous: it names pod shop/web, pod staging/web")]
    [TestCase("shop/pending", "the pod has no IP address yet")]
    [TestCase("10.0.0.0/16", "give one IP address, not a CIDR")]
    public void An_unknown_or_ambiguous_endpoint_is_a_bad_input_naming_it(string from, string problem)
    {
        var result = Explain(from, PodTester, "80");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.StartWith($"error: --from {from}: "));
        Assert.That(result.Stderr, Does.Contain(problem));
        Assert.That(result.Stdout, Is.Empty);
    }

    [TestCase("80/xtp", "unknown protocol \"xtp\"")]
    [TestCase("70000", "expected a port from 1 to 65535")]
    [TestCase("proto/6", "protocol 6 has ports: write PORT/tcp")]
    public void A_malformed_port_is_a_bad_input(string port, string problem)
    {
        var result = Explain(Instance, PodTester, port);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain($"--port {port}: {problem}"));
    }

    [Test]
    public void A_missing_pods_file_is_named()
    {
        var result = CliResult.Run("explain", "--from", Instance, "--to", PodTester, "--port", "80",
            "--aws-snapshot", RepositoryPaths.Tutorial, "--pods", "nowhere/pods.json");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("nowhere/pods.json: no such file"));
    }
}
