using SgLambda.Core.Aws;
using SgLambda.Core.Planning;
using static SgLambda.TestSupport.Translation.Aws;

namespace SgLambda.Core.Tests.Planning;

public class TrustAttachmentPlannerTests
{
    private static readonly Configuration.SgLambdaConfig On = Config() with { AttachTrustSecurityGroup = true };

    private static (IReadOnlyList<TrustAttachment> Attachments, List<string> Warnings) Plan(AwsSnapshot snapshot, Configuration.SgLambdaConfig? config = null)
    {
        var warnings = new List<string>();
        return (TrustAttachmentPlanner.Plan(snapshot, config ?? On, warnings), warnings);
    }

    [Test]
    public void Nothing_is_attached_when_the_switch_is_off()
    {
        Assert.That(Plan(Snapshot([], [Eni("eni-01", ["sg-0a"], ["10.0.1.5"], instance: "i-01")]), Config()).Attachments, Is.Empty);
    }

    [Test]
    public void An_ec2_member_without_the_trust_sg_keeps_its_groups_and_gains_the_trust_sg()
    {
        var (attachments, _) = Plan(Snapshot([], [Eni("eni-01", ["sg-0a", "sg-0b"], ["10.0.1.5"], instance: "i-01"), Eni("eni-02", ["sg-0a", TrustSg], ["10.0.1.6"])]));
        Assert.That(attachments, Has.Count.EqualTo(1));
        Assert.That(attachments[0].Kind, Is.EqualTo(TrustTargetKind.NetworkInterface));
        Assert.That(attachments[0].Id, Is.EqualTo("eni-01"));
        Assert.That(attachments[0].GroupIds, Is.EqualTo(new[] { "sg-0a", "sg-0b", TrustSg }));
    }

    [Test]
    public void Nodes_and_service_managed_enis_are_not_modified()
    {
        var elb = Eni("eni-0elb", ["sg-0a"], ["10.0.1.7"], description: "ELB app/web/123") with { RequesterManaged = true };
        var node = Eni("eni-0node", ["sg-0a", EnforcedSg], ["10.0.2.10"], instance: "i-0node");
        var (attachments, warnings) = Plan(Snapshot([], [elb, node]));
        Assert.That(attachments, Is.Empty);
        Assert.That(warnings, Has.One.Contains("eni-0elb").And.Contain("managed by its AWS service"));
    }

    [Test]
    public void Rds_instances_are_modified_through_rds_and_aurora_through_its_cluster()
    {
        var snapshot = Snapshot([], [Eni("eni-0rds", ["sg-0db"], ["10.0.3.5"], description: "RDSNetworkInterface") with { RequesterId = "amazon-rds" }]) with
        {
            DbInstances =
            [
                new DbInstance { DBInstanceIdentifier = "orders", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"] },
                new DbInstance { DBInstanceIdentifier = "aurora-1", DBClusterIdentifier = "aurora", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"] },
                new DbInstance { DBInstanceIdentifier = "aurora-2", DBClusterIdentifier = "aurora", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"] },
                new DbInstance { DBInstanceIdentifier = "done", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db", TrustSg] },
            ],
        };
        var (attachments, _) = Plan(snapshot);
        Assert.That(attachments.Select(a => (a.Kind, a.Id)), Is.EqualTo(new[] { (TrustTargetKind.DbCluster, "aurora"), (TrustTargetKind.DbInstance, "orders") }));
        Assert.That(attachments.Select(a => a.GroupIds), Is.All.EqualTo(new[] { "sg-0db", TrustSg }));
    }

    [Test]
    public void With_a_database_tag_only_databases_tagged_true_are_modified_and_the_others_are_reported()
    {
        Tag[] tagged = [new Tag { Key = "sglambda.io/attach-trust", Value = "true" }];
        var snapshot = Snapshot([], []) with
        {
            DbInstances =
            [
                new DbInstance { DBInstanceIdentifier = "orders", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"], TagList = tagged },
                new DbInstance { DBInstanceIdentifier = "billing", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"] },
                new DbInstance { DBInstanceIdentifier = "ledger", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"], TagList = [new Tag { Key = "sglambda.io/attach-trust", Value = "false" }] },
                new DbInstance { DBInstanceIdentifier = "aurora-1", DBClusterIdentifier = "aurora", VpcId = VpcId, VpcSecurityGroupIds = ["sg-0db"], TagList = tagged },
            ],
        };

        var (attachments, warnings) = Plan(snapshot, On with { TrustDatabaseTag = "sglambda.io/attach-trust" });

        Assert.That(attachments.Select(a => (a.Kind, a.Id)), Is.EqualTo(new[] { (TrustTargetKind.DbCluster, "aurora"), (TrustTargetKind.DbInstance, "orders") }));
        Assert.That(warnings, Has.Count.EqualTo(2));
        Assert.That(warnings, Has.One.Contains("DB instance billing").And.Contain("sglambda.io/attach-trust=true"));
        Assert.That(warnings, Has.One.Contains("DB instance ledger"));
    }
}
