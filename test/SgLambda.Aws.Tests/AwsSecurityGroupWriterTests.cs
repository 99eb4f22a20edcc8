using Amazon.EC2;
using SgLambda.Aws.Rds;
using SgLambda.Aws.Tests.Support;
using SgLambda.Core.Planning;

namespace SgLambda.Aws.Tests;

public class AwsSecurityGroupWriterTests
{
    [Test]
    public async Task An_eni_gets_its_complete_group_list_by_ModifyNetworkInterfaceAttribute()
    {
        var handler = Ec2Stub.FixtureHandler();
        using var ec2 = Ec2Stub.Client(handler);
        var rds = new FakeRds();

        await new AwsSecurityGroupWriter(ec2, rds).AttachTrustAsync(
            new TrustAttachment(TrustTargetKind.NetworkInterface, "eni-0a", ["sg-0web", "sg-0trust"]), CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.That(request.Action, Is.EqualTo("ModifyNetworkInterfaceAttribute"));
        Assert.That(request.Param("NetworkInterfaceId"), Is.EqualTo("eni-0a"));
        Assert.That(new[] { request.Param("SecurityGroupId.1"), request.Param("SecurityGroupId.2"), request.Param("SecurityGroupId.3") },
            Is.EqualTo(new[] { "sg-0web", "sg-0trust", null }));
        Assert.That(rds.InstanceModifications, Is.Empty);
    }

    [Test]
    public async Task A_db_instance_is_modified_immediately_with_its_groups_and_the_trust_sg()
    {
        var handler = Ec2Stub.FixtureHandler();
        using var ec2 = Ec2Stub.Client(handler);
        var rds = new FakeRds();

        await new AwsSecurityGroupWriter(ec2, rds).AttachTrustAsync(
            new TrustAttachment(TrustTargetKind.DbInstance, "orders-db", ["sg-0db", "sg-0trust"]), CancellationToken.None);

        var modification = rds.InstanceModifications.Single();
        Assert.That(modification.DBInstanceIdentifier, Is.EqualTo("orders-db"));
        Assert.That(modification.VpcSecurityGroupIds, Is.EqualTo(new[] { "sg-0db", "sg-0trust" }));
        Assert.That(modification.ApplyImmediately, Is.True);
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task An_aurora_cluster_is_modified_through_ModifyDBCluster()
    {
        using var ec2 = Ec2Stub.Client(Ec2Stub.FixtureHandler());
        var rds = new FakeRds();

        await new AwsSecurityGroupWriter(ec2, rds).AttachTrustAsync(
            new TrustAttachment(TrustTargetKind.DbCluster, "aurora", ["sg-0trust"]), CancellationToken.None);

        var modification = rds.ClusterModifications.Single();
        Assert.That(modification.DBClusterIdentifier, Is.EqualTo("aurora"));
        Assert.That(modification.VpcSecurityGroupIds, Is.EqualTo(new[] { "sg-0trust" }));
        Assert.That(modification.ApplyImmediately, Is.True);
        Assert.That(rds.InstanceModifications, Is.Empty);
    }

    [Test]
    public async Task Targets_deleted_since_they_were_read_are_not_errors()
    {
        using var ec2 = Ec2Stub.Client(new StubHttpHandler(_ => Ec2Stub.Error("InvalidNetworkInterfaceIdNotFound")));
        var rds = new FakeRds { ModifyError = new DBInstanceNotFoundException("gone") };
        var writer = new AwsSecurityGroupWriter(ec2, rds);

        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.NetworkInterface, "eni-0gone", ["sg-1", "sg-t"]), CancellationToken.None);
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbInstance, "gone-db", ["sg-1", "sg-t"]), CancellationToken.None);
        rds.ModifyError = new DBClusterNotFoundException("gone");
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbCluster, "gone", ["sg-1", "sg-t"]), CancellationToken.None);

        Assert.That(rds.InstanceModifications, Is.Empty);
    }

    [Test]
    public async Task Other_failures_propagate()
    {
        using var ec2 = Ec2Stub.Client(new StubHttpHandler(_ => Ec2Stub.Error("UnauthorizedOperation")));
        var rds = new FakeRds { ModifyError = new AmazonRDSException("denied") };
        var writer = new AwsSecurityGroupWriter(ec2, rds);

        var ec2Error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.NetworkInterface, "eni-0a", ["sg-1", "sg-t"]), CancellationToken.None));
        var rdsError = await Assert.ThrowsAsync<AmazonRDSException>(() =>
            writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbInstance, "db", ["sg-1", "sg-t"]), CancellationToken.None));

        Assert.That(ec2Error!.ErrorCode, Is.EqualTo("UnauthorizedOperation"));
        Assert.That(rdsError!.Message, Is.EqualTo("denied"));
    }

    [Test]
    public async Task An_empty_group_list_is_refused_before_any_call()
    {
        var handler = Ec2Stub.FixtureHandler();
        using var ec2 = Ec2Stub.Client(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => new AwsSecurityGroupWriter(ec2, new FakeRds()).AttachTrustAsync(
            new TrustAttachment(TrustTargetKind.NetworkInterface, "eni-0a", []), CancellationToken.None));
        Assert.That(handler.Requests, Is.Empty);
    }
}
