using SgLambda.Core.Events;
using static SgLambda.Core.Tests.Events.EventFiles;

namespace SgLambda.Core.Tests.Events;

/// <summary>Every replayable event in infra/events classifies to the resources it names, for the tutorial's config.</summary>
public class InfraEventTests
{
    private const string Instance = "i-0e5f6a7b8c9d01234";
    private const string Eni = "eni-0a11b22c33d44e556";
    private const string SecondEni = "eni-0a1b2c3d4e5f60724";
    private const string Attachment = "eni-attach-0a1b2c3d4e5f60725";
    private const string OfficeList = "pl-0c2e4a6b8d0f13579";

    private static readonly (string File, string EventName, Expected Affected)[] Table =
    [
        ("ec2-create-security-group.json", "CreateSecurityGroup", new() { SecurityGroups = [PodSg] }),
        ("ec2-delete-security-group.json", "DeleteSecurityGroup", new() { SecurityGroups = [PodSg] }),
        ("ec2-authorize-security-group-ingress.json", "AuthorizeSecurityGroupIngress", new() { SecurityGroups = [PodSg] }),
        ("ec2-authorize-security-group-egress.json", "AuthorizeSecurityGroupEgress", new() { SecurityGroups = [InstanceSg], PrefixLists = [OfficeList] }),
        ("ec2-revoke-security-group-ingress.json", "RevokeSecurityGroupIngress", new() { SecurityGroups = [PodSg] }),
        ("ec2-revoke-security-group-ingress-by-rule-id.json", "RevokeSecurityGroupIngress", new() { SecurityGroups = [PodSg] }),
        ("ec2-revoke-security-group-egress.json", "RevokeSecurityGroupEgress", new() { SecurityGroups = [InstanceSg] }),
        ("ec2-modify-security-group-rules.json", "ModifySecurityGroupRules", new() { SecurityGroups = [PodSg] }),
        ("ec2-update-security-group-rule-descriptions-ingress.json", "UpdateSecurityGroupRuleDescriptionsIngress", new() { SecurityGroups = [PodSg] }),
        ("ec2-update-security-group-rule-descriptions-egress.json", "UpdateSecurityGroupRuleDescriptionsEgress", new() { SecurityGroups = [InstanceSg], PrefixLists = [OfficeList] }),
        ("ec2-run-instances.json", "RunInstances", new() { Instances = [Instance], NetworkInterfaces = [Eni] }),
        ("ec2-start-instances.json", "StartInstances", new() { Instances = [Instance] }),
        ("ec2-stop-instances.json", "StopInstances", new() { Instances = [Instance] }),
        ("ec2-terminate-instances.json", "TerminateInstances", new() { Instances = [Instance] }),
        ("ec2-modify-instance-attribute-group-set.json", "ModifyInstanceAttribute", new() { Instances = [Instance] }),
        ("ec2-modify-network-interface-attribute-group-set.json", "ModifyNetworkInterfaceAttribute", new() { NetworkInterfaces = [Eni] }),
        ("ec2-create-network-interface.json", "CreateNetworkInterface", new() { NetworkInterfaces = [SecondEni] }),
        ("ec2-delete-network-interface.json", "DeleteNetworkInterface", new() { NetworkInterfaces = [SecondEni] }),
        ("ec2-attach-network-interface.json", "AttachNetworkInterface", new() { NetworkInterfaces = [SecondEni], Instances = [Instance] }),
        ("ec2-detach-network-interface.json", "DetachNetworkInterface", new() { NetworkInterfaceAttachments = [Attachment] }),
        ("ec2-assign-private-ip-addresses.json", "AssignPrivateIpAddresses", new() { NetworkInterfaces = [Eni] }),
        ("ec2-unassign-private-ip-addresses.json", "UnassignPrivateIpAddresses", new() { NetworkInterfaces = [Eni] }),
        ("ec2-create-managed-prefix-list.json", "CreateManagedPrefixList", new() { PrefixLists = [OfficeList] }),
        ("ec2-modify-managed-prefix-list.json", "ModifyManagedPrefixList", new() { PrefixLists = [OfficeList] }),
        ("ec2-delete-managed-prefix-list.json", "DeleteManagedPrefixList", new() { PrefixLists = [OfficeList] }),
        ("ec2-instance-state-change-running.json", "running", new() { Instances = [Instance] }),
        ("ec2-instance-state-change-terminated.json", "terminated", new() { Instances = [Instance] }),
        ("rds-create-db-instance.json", "CreateDBInstance", new() { DbInstances = ["tutorial-db"] }),
        ("rds-modify-db-instance.json", "ModifyDBInstance", new() { DbInstances = ["tutorial-db"] }),
        ("rds-delete-db-instance.json", "DeleteDBInstance", new() { DbInstances = ["tutorial-db"] }),
        ("rds-create-db-cluster.json", "CreateDBCluster", new() { DbClusters = ["tutorial-aurora"] }),
        ("rds-modify-db-cluster.json", "ModifyDBCluster", new() { DbClusters = ["tutorial-aurora"], DbInstances = ["tutorial-aurora-1"] }),
        ("rds-delete-db-cluster.json", "DeleteDBCluster", new() { DbClusters = ["tutorial-aurora"] }),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Table.Select(row => new TestCaseData(row.File, row.EventName, row.Affected).SetArgDisplayNames(row.File));

    [TestCaseSource(nameof(Cases))]
    public void Classifies_the_event_file(string file, string eventName, Expected affected)
    {
        var result = EventClassifier.Classify(InfraEvent(file), Config);

        Assert.That(result.SkipReason, Is.Null);
        Assert.That(result.Event.EventName, Is.EqualTo(eventName));
        Assert.That(Expected.Describe(result.Affected), Is.EqualTo(affected.Describe()));
        Assert.That(result.Reason, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Every_file_in_infra_events_is_in_the_table()
    {
        Assert.That(InfraEventNames, Is.EquivalentTo(Table.Select(row => row.File)));
    }

    [Test]
    public void Every_handled_call_has_a_replayable_event()
    {
        var covered = InfraEventNames.Select(f => EventClassifier.Classify(InfraEvent(f), Config).Event.EventName);
        Assert.That(EventClassifier.HandledEventNames, Is.SubsetOf(covered));
    }

    [Test]
    public void The_readme_lists_every_event_file()
    {
        var readme = File.ReadAllText(Path.Combine(InfraEventsDirectory, "README.md"));
        Assert.That(InfraEventNames.Where(f => !readme.Contains($"`{f}`", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_envelope_is_what_EventBridge_delivers_to_Lambda()
    {
        foreach (var file in InfraEventNames)
        {
            var summary = EventClassifier.Classify(InfraEvent(file), Config).Event;
            Assert.That(summary.Id, Is.Not.Null.And.Not.Empty, file);
            Assert.That(summary.Account, Is.EqualTo(Account), file);
            Assert.That(summary.Region, Is.EqualTo(Region), file);
            Assert.That(summary.Time, Is.Not.Null, file);
            Assert.That(summary.DetailType, Is.EqualTo(EventTypes.CloudTrailApiCall).Or.EqualTo(EventTypes.InstanceStateChange), file);
            Assert.That(summary.Source, Is.EqualTo(file.StartsWith("rds-", StringComparison.Ordinal) ? EventTypes.RdsSource : EventTypes.Ec2Source), file);
        }
    }

    [TestCase("ec2-authorize-security-group-ingress.json", "rules of sg-98765432109876 changed (AuthorizeSecurityGroupIngress)")]
    [TestCase("ec2-create-security-group.json", "security group sg-98765432109876 created")]
    [TestCase("ec2-run-instances.json", "instance i-0e5f6a7b8c9d01234 launched")]
    [TestCase("ec2-instance-state-change-terminated.json", "instance i-0e5f6a7b8c9d01234 is terminated")]
    [TestCase("ec2-detach-network-interface.json", "network interface attachment eni-attach-0a1b2c3d4e5f60725 detached")]
    [TestCase("rds-modify-db-cluster.json", "DB cluster tutorial-aurora modified")]
    public void The_reason_says_what_changed(string file, string reason)
    {
        Assert.That(EventClassifier.Classify(InfraEvent(file), Config).Reason, Is.EqualTo(reason));
    }
}
