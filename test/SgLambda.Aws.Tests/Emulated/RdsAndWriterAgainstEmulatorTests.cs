using SgLambda.Aws.Rds;
using SgLambda.Core.Planning;
using SgLambda.Emulators.Aws;

namespace SgLambda.Aws.Tests.Emulated;

/// <summary>The RDS Query client and the trust-SG writer against the emulator's RDS and EC2 endpoints.</summary>
public class RdsAndWriterAgainstEmulatorTests
{
    [Test]
    public async Task Describe_and_modify_round_trip()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        var db = emulated.Account.AddSecurityGroup(emulated.Vpc.VpcId, "db").GroupId;
        var trust = emulated.Account.AddSecurityGroup(emulated.Vpc.VpcId, "trust").GroupId;
        emulated.Account.AddDbInstance("orders", [db]);

        var described = await emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest
        {
            Filters = [new Filter { Name = "db-instance-id", Values = ["orders"] }],
        });
        var modified = await emulated.Rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest
        {
            DBInstanceIdentifier = "orders", VpcSecurityGroupIds = [db, trust], ApplyImmediately = true,
        });
        var again = await emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "orders" });

        var instance = described.DBInstances!.Single();
        Assert.That(instance.DBInstanceIdentifier, Is.EqualTo("orders"));
        Assert.That(instance.DBSubnetGroup!.VpcId, Is.EqualTo(emulated.Vpc.VpcId));
        Assert.That(instance.VpcSecurityGroups!.Select(g => g.VpcSecurityGroupId), Is.EqualTo(new[] { db }));
        Assert.That(modified.DBInstance!.VpcSecurityGroups!.Select(g => g.VpcSecurityGroupId), Is.EqualTo(new[] { db, trust }));
        Assert.That(again.DBInstances!.Single().VpcSecurityGroups!.Select(g => g.VpcSecurityGroupId), Is.EqualTo(new[] { db, trust }));
        Assert.That(emulated.Account.FindDbInstance("orders")!.VpcSecurityGroupIds, Is.EqualTo(new[] { db, trust }));
    }

    [Test]
    public async Task Pages_follow_the_marker()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        var group = emulated.Account.AddSecurityGroup(emulated.Vpc.VpcId, "db").GroupId;
        for (var i = 0; i < 25; i++) emulated.Account.AddDbInstance($"db-{i:D2}", [group]);

        var first = await emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { MaxRecords = 20 });
        var second = await emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { MaxRecords = 20, Marker = first.Marker });
        var all = await emulated.Inventory.ReadAllAsync(CancellationToken.None);

        Assert.That(first.DBInstances, Has.Count.EqualTo(20));
        Assert.That(first.Marker, Is.Not.Null.And.Not.Empty);
        Assert.That(second.DBInstances, Has.Count.EqualTo(5));
        Assert.That(second.Marker, Is.Null);
        Assert.That(first.DBInstances!.Concat(second.DBInstances!).Select(d => d.DBInstanceIdentifier),
            Is.EquivalentTo(Enumerable.Range(0, 25).Select(i => $"db-{i:D2}")));
        Assert.That(all.DbInstances, Has.Count.EqualTo(25), "the inventory reads every page");
    }

    [Test]
    public async Task Errors_map_to_their_codes_and_are_not_retried()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        emulated.Emulator.Calls.Reset();

        var missing = await Assert.ThrowsAsync<DBInstanceNotFoundException>(() =>
            emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "nope" }));
        var invalid = await Assert.ThrowsAsync<AmazonRDSException>(() =>
            emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { Filters = [new Filter { Name = "no-such-filter", Values = ["x"] }] }));

        Assert.That(missing!.ErrorCode, Is.EqualTo("DBInstanceNotFound"));
        Assert.That(missing.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(invalid!.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(emulated.Emulator.Calls.Count("DescribeDBInstances"), Is.EqualTo(2));
    }

    [Test]
    public async Task Throttling_and_5xx_from_rds_are_retried()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        var group = emulated.Account.AddSecurityGroup(emulated.Vpc.VpcId, "db").GroupId;
        emulated.Account.AddDbInstance("orders", [group]);
        emulated.Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.Throttling);
        emulated.Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.InternalError);
        emulated.Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.Unavailable);
        emulated.Emulator.Calls.Reset();

        var response = await emulated.Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest());

        Assert.That(response.DBInstances!.Single().DBInstanceIdentifier, Is.EqualTo("orders"));
        Assert.That(emulated.Emulator.Calls.Count("DescribeDBInstances"), Is.EqualTo(4));
    }

    [Test]
    public async Task The_writer_gives_an_eni_and_a_db_instance_the_trust_sg()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        var account = emulated.Account;
        var web = account.AddSecurityGroup(emulated.Vpc.VpcId, "web").GroupId;
        var trust = account.AddSecurityGroup(emulated.Vpc.VpcId, "trust").GroupId;
        var subnet = account.Subnets.First(s => s.VpcId == emulated.Vpc.VpcId);
        var eni = account.AddInstance(subnet.SubnetId, [web]).PrimaryNetworkInterfaceId;
        account.AddDbInstance("orders", [web]);
        var writer = new AwsSecurityGroupWriter(emulated.Ec2, emulated.Rds);

        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.NetworkInterface, eni, [web, trust]), CancellationToken.None);
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbInstance, "orders", [web, trust]), CancellationToken.None);
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.NetworkInterface, "eni-0000000000deadbee", [web, trust]), CancellationToken.None);
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbInstance, "gone-db", [web, trust]), CancellationToken.None);

        Assert.That(account.FindNetworkInterface(eni)!.GroupIds, Is.EqualTo(new[] { web, trust }));
        Assert.That(account.FindDbInstance("orders")!.VpcSecurityGroupIds, Is.EqualTo(new[] { web, trust }));
    }
}
