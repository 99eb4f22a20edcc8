using SgLambda.Core.Events;
using static SgLambda.TestSupport.Events.EventFiles;

namespace SgLambda.Core.Tests.Events;

/// <summary>Every replayable event in infra/events classifies to the resources it names, for the tutorial's config.</summary>
public class InfraEventTests
{
    private const string Instance = "i-0e5f6a7b8c9d01234";
    private const string Eni = "eni-0a11b22c33d44e556";
    private const string SecondEni = "eni-0a1b2c3d4e5f60724";
    private const string Attachment = "eni-attach-0a1b2c3d4e5f60725";
    private const string OfficeList = "pl-0c2e4a6b8d0f13579";
    private const string MountTargetEni = "eni-0a1b2c3d4e5f60742";
    private const string MountTarget = "EFS mount target for * (fsmt-0a1b2c3d4e5f60741)";
    private const string Endpoint = "VPC Endpoint Interface vpce-0a1b2c3d4e5f60730";

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
        ("ec2-assign-ipv6-addresses.json", "AssignIpv6Addresses", new() { NetworkInterfaces = [Eni] }),
        ("ec2-unassign-ipv6-addresses.json", "UnassignIpv6Addresses", new() { NetworkInterfaces = [Eni] }),
        ("ec2-restore-managed-prefix-list-version.json", "RestoreManagedPrefixListVersion", new() { PrefixLists = [OfficeList] }),
        // The real record answers before the endpoint has its ENIs (networkInterfaceIdSet is ""): only the description finds them.
        ("ec2-create-vpc-endpoint.json", "CreateVpcEndpoint", new() { NetworkInterfaceDescriptions = [Endpoint] }),
        ("ec2-modify-vpc-endpoint.json", "ModifyVpcEndpoint", new() { NetworkInterfaceDescriptions = [Endpoint] }),
        ("ec2-create-network-interface-invoked-by-efs.json", "CreateNetworkInterface", new() { NetworkInterfaces = [MountTargetEni] }),
        ("rds-restore-db-instance-from-db-snapshot.json", "RestoreDBInstanceFromDBSnapshot", new() { DbInstances = ["tutorial-db-restored"] }),
        ("rds-restore-db-instance-to-point-in-time.json", "RestoreDBInstanceToPointInTime", new() { DbInstances = ["tutorial-db-pitr"] }),
        ("rds-restore-db-instance-from-s3.json", "RestoreDBInstanceFromS3", new() { DbInstances = ["tutorial-db-s3"] }),
        ("rds-create-db-instance-read-replica.json", "CreateDBInstanceReadReplica", new() { DbInstances = ["tutorial-db-replica"] }),
        ("rds-restore-db-cluster-from-snapshot.json", "RestoreDBClusterFromSnapshot", new() { DbClusters = ["tutorial-aurora-restored"] }),
        ("rds-restore-db-cluster-to-point-in-time.json", "RestoreDBClusterToPointInTime", new() { DbClusters = ["tutorial-aurora-pitr"] }),
        ("rds-restore-db-cluster-from-s3.json", "RestoreDBClusterFromS3", new() { DbClusters = ["tutorial-aurora-s3"] }),
        ("efs-create-mount-target.json", "CreateMountTarget", new() { NetworkInterfaces = [MountTargetEni], NetworkInterfaceDescriptions = [MountTarget] }),
        ("efs-modify-mount-target-security-groups.json", "ModifyMountTargetSecurityGroups", new() { NetworkInterfaceDescriptions = [MountTarget] }),
        ("elbv2-create-load-balancer.json", "CreateLoadBalancer", new() { NetworkInterfaceDescriptions = ["ELB app/tutorial-alb/50dc6c495c0c9188"] }),
        ("elb-create-load-balancer.json", "CreateLoadBalancer", new() { NetworkInterfaceDescriptions = ["ELB tutorial-classic"] }),
        ("elbv2-set-security-groups.json", "SetSecurityGroups", new() { NetworkInterfaceDescriptions = ["ELB app/tutorial-alb/50dc6c495c0c9188"] }),
        ("elb-apply-security-groups-to-load-balancer.json", "ApplySecurityGroupsToLoadBalancer", new() { NetworkInterfaceDescriptions = ["ELB tutorial-classic"] }),
        ("lambda-create-function.json", "CreateFunction20150331", new() { NetworkInterfaceDescriptions = ["AWS Lambda VPC ENI-tutorial-fn*"] }),
        ("lambda-update-function-configuration.json", "UpdateFunctionConfiguration20150331v2", new() { NetworkInterfaceDescriptions = ["AWS Lambda VPC ENI-tutorial-fn*"] }),
        ("elasticache-create-cache-cluster.json", "CreateCacheCluster", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["ElastiCache tutorial-cache*"] }),
        ("elasticache-modify-cache-cluster.json", "ModifyCacheCluster", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["ElastiCache tutorial-cache*"] }),
        ("elasticache-create-replication-group.json", "CreateReplicationGroup", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["ElastiCache tutorial-redis*"] }),
        ("elasticache-modify-replication-group.json", "ModifyReplicationGroup", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["ElastiCache tutorial-redis*"] }),
        ("elasticache-create-serverless-cache.json", "CreateServerlessCache", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["ElastiCache tutorial-serverless*"] }),
        ("elasticache-modify-serverless-cache.json", "ModifyServerlessCache", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["ElastiCache tutorial-serverless*"] }),
        ("redshift-create-cluster.json", "CreateCluster", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["RedshiftNetworkInterface"] }),
        ("redshift-modify-cluster.json", "ModifyCluster", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["RedshiftNetworkInterface"] }),
        ("redshift-restore-from-cluster-snapshot.json", "RestoreFromClusterSnapshot", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["RedshiftNetworkInterface"] }),
        ("opensearch-create-domain.json", "CreateDomain", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["ES tutorial-search"] }),
        ("opensearch-update-domain-config.json", "UpdateDomainConfig", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["ES tutorial-search"] }),
        ("opensearch-create-elasticsearch-domain.json", "CreateElasticsearchDomain", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["ES tutorial-legacy"] }),
        ("opensearch-update-elasticsearch-domain-config.json", "UpdateElasticsearchDomainConfig", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["ES tutorial-legacy"] }),
        ("msk-create-cluster.json", "CreateCluster", new() { SecurityGroupMembers = [PodSg] }),
        ("msk-create-cluster-v2.json", "CreateClusterV2", new() { SecurityGroupMembers = [PodSg] }),
        ("eks-create-cluster.json", "CreateCluster", new() { SecurityGroupMembers = [PodSg], NetworkInterfaceDescriptions = ["Amazon EKS tutorial-eks"] }),
        ("eks-update-cluster-config.json", "UpdateClusterConfig", new() { SecurityGroupMembers = [InstanceSg, PodSg], NetworkInterfaceDescriptions = ["Amazon EKS tutorial-eks"] }),
        ("unknown-service-ecs-update-service.json", "UpdateService", new() { SecurityGroupMembers = [InstanceSg, PodSg] }),
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
        var covered = InfraEventNames.Select(f => EventClassifier.Classify(InfraEvent(f), Config).Event).Select(e => new HandledCall(e.Source!, e.EventName!));
        Assert.That(EventClassifier.HandledCalls, Is.SubsetOf(covered));
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
            Assert.That(summary.Source, Is.EqualTo(SourceOfFile(file)), file);
        }
    }

    /// <summary>The file name says the service: its first word, or after "unknown-service-".</summary>
    private static string SourceOfFile(string file)
    {
        var name = file.StartsWith("unknown-service-", StringComparison.Ordinal) ? file["unknown-service-".Length..] : file;
        return name[..name.IndexOf('-', StringComparison.Ordinal)] switch
        {
            "ec2" => EventTypes.Ec2Source,
            "rds" => EventTypes.RdsSource,
            "efs" => EventTypes.EfsSource,
            "elb" or "elbv2" => EventTypes.LoadBalancingSource,
            "lambda" => EventTypes.LambdaSource,
            "elasticache" => EventTypes.ElastiCacheSource,
            "redshift" => EventTypes.RedshiftSource,
            "opensearch" => EventTypes.OpenSearchSource,
            "msk" => EventTypes.MskSource,
            "eks" => EventTypes.EksSource,
            var service => "aws." + service,
        };
    }

    [TestCase("ec2-authorize-security-group-ingress.json", "rules of sg-98765432109876 changed (AuthorizeSecurityGroupIngress)")]
    [TestCase("ec2-create-security-group.json", "security group sg-98765432109876 created")]
    [TestCase("ec2-run-instances.json", "instance i-0e5f6a7b8c9d01234 launched")]
    [TestCase("ec2-instance-state-change-terminated.json", "instance i-0e5f6a7b8c9d01234 is terminated")]
    [TestCase("ec2-detach-network-interface.json", "network interface attachment eni-attach-0a1b2c3d4e5f60725 detached")]
    [TestCase("rds-modify-db-cluster.json", "DB cluster tutorial-aurora modified")]
    [TestCase("efs-modify-mount-target-security-groups.json", "security groups of EFS mount target fsmt-0a1b2c3d4e5f60741 changed")]
    [TestCase("rds-restore-db-instance-to-point-in-time.json", "DB instance tutorial-db-pitr restored")]
    [TestCase("unknown-service-ecs-update-service.json", "UpdateService from aws.ecs is not a known call; re-reading the ids its request names: sg-12345678901234, sg-98765432109876")]
    public void The_reason_says_what_changed(string file, string reason)
    {
        Assert.That(EventClassifier.Classify(InfraEvent(file), Config).Reason, Is.EqualTo(reason));
    }
}
