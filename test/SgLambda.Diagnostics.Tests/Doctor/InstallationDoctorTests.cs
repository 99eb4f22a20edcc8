using System.Collections.Immutable;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Diagnostics.Doctor;
using SgLambda.Core.Translation;
using static SgLambda.Diagnostics.Tests.Doctor.Installation;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Diagnostics.Tests.Doctor;

/// <summary>Each check on one planted fault: exactly that finding, and nothing else.</summary>
public class InstallationDoctorTests
{
    [Test]
    public void A_healthy_installation_passes_every_check()
    {
        var report = InstallationDoctor.Examine(Healthy());
        Assert.That(report.IsHealthy, Is.True);
        Assert.That(report.Checks.Select(c => c.Status), Is.All.EqualTo(CheckStatus.Passed));
        Assert.That(report.Checks.Select(c => c.Check), Is.EqualTo(new[]
        {
            CheckIds.Tiers, CheckIds.Policies, CheckIds.HostEndpoints, CheckIds.TrustSecurityGroup, CheckIds.EnforcedSecurityGroup,
            CheckIds.ForeignObjects, CheckIds.Drift, CheckIds.Companions, CheckIds.PodReach, CheckIds.WebhookConfigured, CheckIds.WebhookReachable, CheckIds.DeadLetterQueue,
            CheckIds.FunctionErrors,
        }));
    }

    [Test]
    public void Checks_without_their_input_are_skipped_with_the_reason_not_passed()
    {
        // The same installation rendered without a trust SG: then its id is an ordinary SG.
        var config = Config() with { TrustSecurityGroupId = null };
        var input = Healthy() with
        {
            Config = config,
            Cluster = [.. Core.Translation.Translator.Render(Account(), config).Objects, Companion()],
            DeadLetterQueue = Observation.Skipped<DeadLetterQueueState>("no --dead-letter-queue-url"),
        };
        var report = InstallationDoctor.Examine(input);
        var skipped = report.Checks.Where(c => c.Status == CheckStatus.Skipped).ToDictionary(c => c.Check, c => c.SkipReason);
        Assert.That(skipped, Is.EqualTo(new Dictionary<string, string?>
        {
            [CheckIds.TrustSecurityGroup] = "no trustSecurityGroupId in the config",
            [CheckIds.DeadLetterQueue] = "no --dead-letter-queue-url",
        }));
        Assert.That(report.IsHealthy, Is.True);
    }

    [TestCase("sg-remote", 106.0, "Deny", FindingIds.TierOrder)]
    [TestCase("sg-local", 106.0, "Pass", FindingIds.TierDefaultAction)]
    [TestCase("metadata", 107.0, "Deny", FindingIds.TierDefaultAction)]
    public void A_tier_with_the_wrong_order_or_default_action_is_found(string name, double order, string defaultAction, string expected)
    {
        var input = Healthy() with { Cluster = Cluster().Replace("Tier", name, t => (Tier)t with { Spec = new TierSpec { Order = order, DefaultAction = defaultAction } }) };
        Assert.That(Found(input), Is.EqualTo(new[] { (CheckIds.Tiers, expected, $"Tier/{name}") }));
    }

    [Test]
    public void A_missing_tier_is_found_once_and_a_tier_among_the_integration_tiers_too()
    {
        var foreign = new Tier { ApiVersion = "projectcalico.org/v3", Metadata = new ObjectMeta { Name = "security" }, Spec = new TierSpec { Order = 106.5 } };
        var input = Healthy() with { Cluster = [.. Cluster().Without("Tier", "metadata"), foreign] };
        Assert.That(Found(input), Is.EqualTo(new[]
        {
            (CheckIds.Tiers, FindingIds.TierMissing, "Tier/metadata"),
            (CheckIds.Tiers, FindingIds.TierInterleaved, "Tier/security"),
        }));
    }

    [Test]
    public void Missing_policies_of_an_sg_are_one_finding_naming_them()
    {
        var input = Healthy() with { Cluster = Cluster().Without("GlobalNetworkPolicy", $"sg-local.{DbSg}") };
        var finding = InstallationDoctor.Examine(input).Findings.Single();
        Assert.That((finding.Check, finding.Id, finding.Subject), Is.EqualTo((CheckIds.Policies, FindingIds.PolicyMissing, DbSg)));
        Assert.That(finding.What, Does.Contain($"sg-local.{DbSg}"));
        Assert.That(finding.Fix, Does.StartWith("sglambda reconcile"));
    }

    [Test]
    public void A_missing_sg_remote_policy_of_an_sg_is_found_as_that_sgs_policy()
    {
        // DbSg's rule from AppSg lives in sg-remote.for-<AppSg>, which selects AppSg's members.
        var name = PolicyNames.RemoteFor(AppSg);
        Assert.That(Cluster().Any(o => o.Metadata.Name == name), Is.True);
        var input = Healthy() with { Cluster = Cluster().Without("GlobalNetworkPolicy", name) };
        var finding = InstallationDoctor.Examine(input).Findings.Single();
        Assert.That((finding.Check, finding.Id, finding.Subject), Is.EqualTo((CheckIds.Policies, FindingIds.PolicyMissing, AppSg)));
        Assert.That(finding.Objects.Select(k => k.Name), Is.EqualTo(new[] { name }));
    }

    [Test]
    public void A_missing_address_peer_policy_is_found_by_its_bucket()
    {
        // DbSg's prefix-list rule lives in DbSg's address-peer bucket.
        var name = RemoteTarget.AddressBucketOf(DbSg).PolicyName;
        Assert.That(Cluster().Any(o => o.Metadata.Name == name), Is.True);
        var input = Healthy() with { Cluster = Cluster().Without("GlobalNetworkPolicy", name) };
        var finding = InstallationDoctor.Examine(input).Findings.Single();
        Assert.That((finding.Check, finding.Id, finding.Subject), Is.EqualTo((CheckIds.Policies, FindingIds.PolicyMissing, name)));
        Assert.That(finding.What, Does.Contain("CIDR and prefix-list rules"));
    }

    [Test]
    public void An_sg_remote_policy_of_an_sg_no_rule_names_any_more_is_stale()
    {
        // DbSg named a third SG once: the cluster still holds sg-remote.for-<it> (and DbSg's old rules; drift's part).
        const string Other = "sg-0other00000000001";
        var before = Account() with
        {
            SecurityGroups = [.. Account().SecurityGroups.Select(g => g.GroupId == DbSg ? g with { IpPermissions = [.. g.IpPermissions, Perm("tcp", 22, 22, groups: [Other])] } : g), Sg(Other)],
        };
        var now = Account() with { SecurityGroups = [.. Account().SecurityGroups, Sg(Other)] };
        var findings = InstallationDoctor.Examine(Healthy() with { Aws = now, Cluster = Cluster(before) }).Findings.Where(f => f.Check == CheckIds.Policies).ToList();
        Assert.That(findings.Select(f => (f.Id, f.Subject)), Is.EqualTo(new[] { (FindingIds.PolicyStale, Other) }));
        Assert.That(findings[0].Objects.Select(k => k.Name), Is.EqualTo(new[] { PolicyNames.RemoteFor(Other) }));
        Assert.That(findings[0].What, Does.StartWith($"no rule names security group {Other} any more"));
    }

    [Test]
    public void Policies_of_a_deleted_sg_are_stale()
    {
        var withGone = Account() with { SecurityGroups = [.. Account().SecurityGroups, Sg("sg-0gone000000000001")] };
        var input = Healthy() with { Cluster = Cluster(withGone) };
        var finding = InstallationDoctor.Examine(input).Findings.Single();
        Assert.That((finding.Id, finding.Subject), Is.EqualTo((FindingIds.PolicyStale, "sg-0gone000000000001")));
        Assert.That(finding.Objects.Select(k => k.Name), Is.EquivalentTo(new[] { "sg-local.sg-0gone000000000001" }));
    }

    [Test]
    public void A_host_endpoint_with_a_wrong_ip_or_wrong_labels_or_none_is_found()
    {
        var cluster = Cluster()
            .Replace("HostEndpoint", "eni-0member", e => (HostEndpoint)e with { Spec = ((HostEndpoint)e).Spec with { ExpectedIPs = ["10.0.1.99"] } })
            .Replace("HostEndpoint", "eni-0rds", e => e with { Metadata = e.Metadata with { Labels = e.Metadata.Labels!.Remove(LabelKeys.SecurityGroup(DbSg)).Add(LabelKeys.SecurityGroup(AppSg), "") } })
            .Without("HostEndpoint", "node.ip-10-0-2-10.ec2.internal");
        var findings = InstallationDoctor.Examine(Healthy() with { Cluster = cluster }).Findings.ToList();
        Assert.That(findings.Select(f => (f.Check, f.Id, f.Subject)), Is.EqualTo(new[]
        {
            (CheckIds.HostEndpoints, FindingIds.HostEndpointIps, "HostEndpoint/eni-0member"),
            (CheckIds.HostEndpoints, FindingIds.HostEndpointLabels, "HostEndpoint/eni-0rds"),
            (CheckIds.HostEndpoints, FindingIds.HostEndpointMissing, "HostEndpoint/node.ip-10-0-2-10.ec2.internal"),
        }));
        Assert.That(findings[0].What, Does.Contain("[10.0.1.99]").And.Contain("[10.0.1.5]"));
        Assert.That(findings[1].What, Does.Contain($"sg.aws.tigera.io/{DbSg} missing").And.Contain($"sg.aws.tigera.io/{AppSg} unexpected"));
        Assert.That(findings[2].What, Does.StartWith("cluster node ip-10-0-2-10.ec2.internal (eni-0node)"));
    }

    [Test]
    public void A_host_endpoint_of_a_deleted_eni_is_stale()
    {
        var withGone = Account() with { NetworkInterfaces = [.. Account().NetworkInterfaces, Eni("eni-0gone", [AppSg], ["10.0.1.77"])] };
        Assert.That(Found(Healthy() with { Cluster = Cluster(withGone) }),
            Is.EqualTo(new[] { (CheckIds.HostEndpoints, FindingIds.HostEndpointStale, "HostEndpoint/eni-0gone") }));
    }

    [Test]
    public void Members_without_the_trust_sg_get_the_command_that_adds_it()
    {
        var aws = Account() with
        {
            NetworkInterfaces =
            [
                .. Account().NetworkInterfaces,
                Eni("eni-0bare", [AppSg], ["10.0.1.6"], instance: "i-0bare"),
                Eni("eni-0elb", [AppSg], ["10.0.1.7"], description: "ELB app/web/1") with { RequesterManaged = true },
                Eni("eni-0nat", [], ["10.0.1.8"], interfaceType: "nat_gateway"),
            ],
            DbInstances = [new DbInstance { DBInstanceIdentifier = "orders", VpcId = VpcId, VpcSecurityGroupIds = [DbSg] }],
        };
        var findings = InstallationDoctor.Examine(Healthy() with { Aws = aws, Cluster = Cluster(aws) }).Findings.ToList();
        Assert.That(findings.Select(f => (f.Id, f.Subject, f.Fix)), Is.EqualTo(new[]
        {
            (FindingIds.TrustSecurityGroupMissing, "eni-0bare", $"aws ec2 modify-network-interface-attribute --network-interface-id eni-0bare --groups {AppSg} {TrustSg}"),
            (FindingIds.TrustSecurityGroupMissing, "eni-0elb", $"add {TrustSg} through the service that owns it (elb: e.g. aws elbv2 set-security-groups, aws ec2 modify-vpc-endpoint --add-security-group-ids {TrustSg})"),
            (FindingIds.TrustSecurityGroupMissing, "orders", $"aws rds modify-db-instance --db-instance-identifier orders --vpc-security-group-ids {DbSg} {TrustSg} --apply-immediately"),
        }));
    }

    [Test]
    public void A_registered_node_without_the_enforced_sg_is_found()
    {
        // Without the enforced SG the instance is a node only through its Node object.
        var aws = Account() with
        {
            NetworkInterfaces = [.. Account().NetworkInterfaces.Select(e => e.NetworkInterfaceId == "eni-0node" ? e with { Groups = [new GroupIdentifier { GroupId = AppSg }] } : e)],
        };
        var finding = InstallationDoctor.Examine(Healthy() with { Aws = aws, Cluster = Cluster(aws) }).Findings.Single();
        Assert.That((finding.Id, finding.Subject), Is.EqualTo((FindingIds.EnforcedSecurityGroupMissing, "ip-10-0-2-10.ec2.internal")));
        Assert.That(finding.Fix, Does.StartWith($"aws ec2 modify-network-interface-attribute --network-interface-id eni-0node --groups {AppSg} {EnforcedSg}"));
    }

    [Test]
    public void Objects_sglambda_does_not_own_in_its_tiers_or_with_its_labels_are_foreign()
    {
        var policy = new GlobalNetworkPolicy
        {
            ApiVersion = "projectcalico.org/v3",
            Metadata = new ObjectMeta { Name = "sg-local.allow-all" },
            Spec = new PolicySpec { Tier = "sg-local", Selector = "all()", Types = ["Ingress"], Ingress = [new Rule { Action = "Allow" }] },
        };
        var namespaced = new NetworkPolicy
        {
            ApiVersion = "projectcalico.org/v3",
            Metadata = new ObjectMeta { Name = "metadata.open", Namespace = "team" },
            Spec = new PolicySpec { Selector = "all()" },
        };
        var endpoint = new HostEndpoint
        {
            ApiVersion = "projectcalico.org/v3",
            Metadata = new ObjectMeta { Name = "laptop", Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(LabelKeys.SecurityGroup(DbSg), "")]) },
            Spec = new HostEndpointSpec { Node = "sglambda-vpc-members", ExpectedIPs = ["10.9.9.9"] },
        };
        var unrelated = new GlobalNetworkPolicy
        {
            ApiVersion = "projectcalico.org/v3",
            Metadata = new ObjectMeta { Name = "platform.allow-dns" },
            Spec = new PolicySpec { Tier = "platform", Selector = "all()" },
        };
        var findings = InstallationDoctor.Examine(Healthy() with { Cluster = [.. Cluster(), policy, namespaced, endpoint, unrelated] }).Findings.ToList();
        Assert.That(findings.Select(f => (f.Id, f.Subject)), Is.EqualTo(new[]
        {
            (FindingIds.ForeignObject, "GlobalNetworkPolicy/sg-local.allow-all"),
            (FindingIds.ForeignObject, "HostEndpoint/laptop"),
            (FindingIds.ForeignObject, "NetworkPolicy/team/metadata.open"),
        }));
        Assert.That(findings[2].Fix, Does.StartWith("kubectl delete networkpolicies.projectcalico.org -n team metadata.open"));
    }

    [Test]
    public void Drift_reports_only_what_no_other_check_explains()
    {
        var cluster = Cluster()
            .Without("GlobalNetworkSet", "pl-0abc")
            .Replace("GlobalNetworkPolicy", "sg-remote.pass-ungoverned", p => (GlobalNetworkPolicy)p with { Spec = ((GlobalNetworkPolicy)p).Spec with { Order = 42 } })
            .Without("GlobalNetworkPolicy", $"sg-local.{AppSg}");
        Assert.That(Found(Healthy() with { Cluster = cluster }), Is.EqualTo(new[]
        {
            (CheckIds.Policies, FindingIds.PolicyMissing, AppSg),
            (CheckIds.Drift, FindingIds.DriftApply, "GlobalNetworkPolicy/sg-remote.pass-ungoverned"),
            (CheckIds.Drift, FindingIds.DriftApply, "GlobalNetworkSet/pl-0abc"),
        }));
    }

    [TestCase(null, FindingIds.WebhookMissing)]
    [TestCase("http://webhook.example/secret", FindingIds.WebhookUrl)]
    public void A_missing_or_plain_http_webhook_is_found(string? url, string expected)
    {
        var webhook = url is null ? null : Webhook(url);
        Assert.That(Found(Healthy() with { Webhook = Observation.Of(webhook) }).Select(f => f.Id), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void A_webhook_that_misses_pod_updates_is_found()
    {
        var createOnly = Webhook() with { Webhooks = [Webhook().Webhooks[0] with { Rules = [new WebhookRule([""], ["v1"], ["CREATE"], ["pods"])] }] };
        Assert.That(Found(Healthy() with { Webhook = Observation.Of<WebhookConfiguration?>(createOnly) }).Select(f => f.Id), Is.EqualTo(new[] { FindingIds.WebhookRules }));
    }

    [TestCase(401, null, null)]
    [TestCase(403, null, null)]
    [TestCase(200, null, FindingIds.WebhookOpen)]
    [TestCase(502, null, FindingIds.WebhookFailing)]
    [TestCase(null, "Connection refused", FindingIds.WebhookUnreachable)]
    public void The_probe_must_be_turned_away(int? status, string? error, string? expected)
    {
        var probe = Observation.Of(new WebhookProbeResult("https://abc123.lambda-url.us-west-2.on.aws/", status, error));
        Assert.That(Found(Healthy() with { WebhookProbe = probe }).Select(f => f.Id), Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { expected }));
    }

    [Test]
    public void The_probe_goes_to_the_origin_without_the_secret_path_and_findings_never_show_the_secret()
    {
        Assert.That(WebhookConfigurationCheck.ProbeUrl(Webhook())!.ToString(), Is.EqualTo("https://abc123.lambda-url.us-west-2.on.aws/"));
        Assert.That(WebhookConfigurationCheck.Redact("http://host:8443/0123456789abcdef"), Is.EqualTo("http://host:8443/***"));
    }

    [Test]
    public void Dead_letters_and_error_lines_are_warnings_with_their_counts()
    {
        var input = Healthy() with
        {
            DeadLetterQueue = Observation.Of(new DeadLetterQueueState("https://sqs.us-west-2.amazonaws.com/111122223333/dlq", 3)),
            FunctionErrors = Observation.Of<IReadOnlyList<FunctionLogErrors>>(
            [
                new FunctionLogErrors("/aws/lambda/a", true, 2, ["{\"level\":\"Error\",\"message\":\"cluster refused\"}"]),
                new FunctionLogErrors("/aws/lambda/b", false, 0, []),
                new FunctionLogErrors("/aws/lambda/c", true, 0, []),
            ]),
        };
        var findings = InstallationDoctor.Examine(input).Findings.ToList();
        Assert.That(findings.Select(f => (f.Id, f.Severity, f.Subject)), Is.EqualTo(new[]
        {
            (FindingIds.DeadLetters, DoctorSeverity.Warning, "https://sqs.us-west-2.amazonaws.com/111122223333/dlq"),
            (FindingIds.FunctionErrors, DoctorSeverity.Warning, "/aws/lambda/a"),
            (FindingIds.LogGroupMissing, DoctorSeverity.Warning, "/aws/lambda/b"),
        }));
        Assert.That(findings[0].What, Does.StartWith("3 event(s)"));
        Assert.That(findings[1].What, Does.Contain("cluster refused"));
    }
}
