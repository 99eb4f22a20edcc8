using Amazon.EC2.Model;

namespace SgLambda.EndToEnd.Tests;

/// <summary>With attachTrustSecurityGroup on, new VPC members get the trust SG through the real EC2 and RDS APIs.</summary>
public class TrustAttachmentTests
{
    [Test]
    public async Task A_launched_instance_and_a_created_database_are_given_the_trust_sg_and_keep_their_own()
    {
        await using var harness = await Harness.StartAsync(seed: 31, attachTrust: true);
        var app = harness.Aws.Account.AddSecurityGroup(harness.VpcId, "app").GroupId;
        var node = harness.Aws.Account.AddInstance(harness.SubnetId, [app, harness.Config.EnforcedSecurityGroupId!]).InstanceId;
        await harness.ReconcileAsync();

        var launched = await harness.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0abcdef1234567890", MinCount = 1, MaxCount = 1, SubnetId = harness.SubnetId, SecurityGroupIds = [app] });
        using (var http = new HttpClient())
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "CreateDBInstance", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "orders",
            ["DBInstanceClass"] = "db.t3.micro", ["Engine"] = "postgres", ["VpcSecurityGroupIds.member.1"] = app,
        }))
        {
            (await http.PostAsync(new Uri(harness.Aws.ServiceUrl), form)).EnsureSuccessStatusCode();
        }
        await harness.DeliverEventsAsync();

        var state = harness.Aws.Account.ToSnapshot();
        var instanceId = launched.Reservation.Instances[0].InstanceId;
        var eni = state.NetworkInterfaces.Single(e => e.Attachment?.InstanceId == instanceId);
        Assert.That(eni.Groups.Select(g => g.GroupId), Is.EquivalentTo(new[] { app, harness.Config.TrustSecurityGroupId }));
        Assert.That(state.DbInstances.Single().VpcSecurityGroupIds, Is.EquivalentTo(new[] { app, harness.Config.TrustSecurityGroupId }));
        var nodeEni = state.NetworkInterfaces.Single(e => e.Attachment?.InstanceId == node);
        Assert.That(nodeEni.Groups.Select(g => g.GroupId), Does.Not.Contain(harness.Config.TrustSecurityGroupId), "nodes get the enforced SG, never the trust SG");
        Assert.That(harness.FailedEvents, Is.Empty);

        // The attachments' own events change nothing more: the trust SG is plumbing, never a label.
        await harness.DeliverEventsAsync();
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True);
    }
}
