using System.Collections.Immutable;
using Amazon.Runtime;
using SgLambda.Aws.Rds;
using SgLambda.Core.Configuration;
using SgLambda.Core.Events;
using SgLambda.Core.Planning;
using SgLambda.Emulators.Aws;

namespace SgLambda.Aws.Tests.Emulated;

/// <summary>
/// <see cref="AwsRequiredActions"/> is what the adapters really call: every adapter path runs against two
/// emulators, one standing for EC2 and one for RDS, so each received action is attributed to its service.
/// </summary>
public class RequiredActionsTests
{
    [Test]
    public async Task The_adapters_call_exactly_the_required_actions()
    {
        await using var ec2Emulator = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 1, Region = "eu-west-1" });
        await using var rdsEmulator = await Ec2Emulator.StartAsync(new Ec2EmulatorOptions { Seed = 2, Region = "eu-west-1" });
        var options = new AwsClientOptions
        {
            Region = "eu-west-1",
            Ec2ServiceUrl = ec2Emulator.ServiceUrl,
            RdsServiceUrl = rdsEmulator.ServiceUrl,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var credentials = new BasicAWSCredentials("AKIDEMULATOR", "emulator-secret");
        using var ec2 = AwsClients.CreateEc2Client(options, credentials);
        using var rds = AwsClients.CreateRdsClient(options, credentials);

        // Something of every kind, so every read has a reason to run (prefix list entries, rules, DBs).
        var account = ec2Emulator.Account;
        var vpc = account.AddVpc("10.0.0.0/16");
        var subnet = account.AddSubnet(vpc.VpcId, "10.0.1.0/24");
        var group = account.AddSecurityGroup(vpc.VpcId, "app").GroupId;
        var list = account.AddPrefixList("corp", ["192.168.0.0/16"]).PrefixListId;
        var instance = account.AddInstance(subnet.SubnetId, [group]);
        var rdsVpc = rdsEmulator.Account.AddVpc("10.0.0.0/16");
        var dbGroup = rdsEmulator.Account.AddSecurityGroup(rdsVpc.VpcId, "db").GroupId;
        rdsEmulator.Account.AddDbInstance("orders", [dbGroup]);
        var inventory = new Ec2Inventory(ec2, rds, new SgLambdaConfig { VpcId = vpc.VpcId });
        var writer = new AwsSecurityGroupWriter(ec2, rds);
        static ImmutableSortedSet<string> Ids(params string[] ids) => ImmutableSortedSet.Create(StringComparer.Ordinal, ids);

        await inventory.ReadAllAsync(CancellationToken.None);
        await inventory.ReadAsync(new AffectedResources
        {
            SecurityGroups = Ids(group),
            NetworkInterfaces = Ids(instance.PrimaryNetworkInterfaceId),
            NetworkInterfaceAttachments = Ids("eni-attach-0123456789abcdef0"),
            Instances = Ids(instance.InstanceId),
            DbInstances = Ids("orders"),
            DbClusters = Ids("orders-cluster"),
            PrefixLists = Ids(list),
        }, CancellationToken.None);
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.NetworkInterface, instance.PrimaryNetworkInterfaceId, [group]), CancellationToken.None);
        await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbInstance, "orders", [dbGroup]), CancellationToken.None);
        try
        {
            await writer.AttachTrustAsync(new TrustAttachment(TrustTargetKind.DbCluster, "orders-cluster", [dbGroup]), CancellationToken.None);
        }
        catch (AmazonRDSException)
        {
            // The emulator has no DB clusters; the call was made, which is what is counted.
        }

        var called = ec2Emulator.Calls.Snapshot().Keys.Select(a => "ec2:" + a)
            .Concat(rdsEmulator.Calls.Snapshot().Keys.Select(a => "rds:" + a));
        Assert.That(called.Order(StringComparer.Ordinal), Is.EqualTo(AwsRequiredActions.All.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void The_trust_writes_are_apart_from_the_reads()
    {
        Assert.That(AwsRequiredActions.Read.Intersect(AwsRequiredActions.AttachTrust, StringComparer.Ordinal), Is.Empty);
        Assert.That(AwsRequiredActions.All, Is.Unique);
    }
}
