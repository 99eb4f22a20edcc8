using System.Collections.Immutable;
using SgLambda.Aws.Tests.Support;
using SgLambda.Core.Events;
using SgLambda.Core.Planning;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Aws.Tests.Emulated;

/// <summary>The inventory on the real AWSSDK.EC2 client and the RDS client against the EC2/RDS emulator.</summary>
public class InventoryAgainstEmulatorTests
{
    private static ImmutableSortedSet<string> Ids(params string[] ids) => ImmutableSortedSet.Create(StringComparer.Ordinal, ids);

    [Test]
    public async Task Read_all_round_trips_the_vpc_as_created([Values(1, 2, 3, 4)] int seed)
    {
        await using var emulated = await EmulatedAccount.StartAsync(seed);
        await new RandomAccount(emulated, new Random(seed)).BuildAsync(size: 8);

        var all = await emulated.Inventory.ReadAllAsync(CancellationToken.None);

        Assert.That(SnapshotJson.Normalized(all), Is.EqualTo(SnapshotJson.Normalized(emulated.TruthOfVpc())));
        Assert.That(all.NetworkInterfaces, Is.Not.Empty);
        Assert.That(all.SecurityGroupRules, Is.Not.Empty);
    }

    [Test]
    public async Task Read_of_an_affected_set_is_the_affected_slice_of_read_all([Values(1, 2, 3, 4, 5, 6, 7, 8)] int seed)
    {
        await using var emulated = await EmulatedAccount.StartAsync(seed);
        var random = new Random(seed);
        var account = new RandomAccount(emulated, random);
        await account.BuildAsync(size: 6);
        var all = await emulated.Inventory.ReadAllAsync(CancellationToken.None);
        var (groupsRead, enisRead, rulesRead) = (0, 0, 0);

        for (var round = 0; round < 6; round++)
        {
            var affected = account.Affected();

            var slice = await emulated.Inventory.ReadAsync(affected, CancellationToken.None);

            Assert.That(SnapshotJson.Normalized(slice), Is.EqualTo(SnapshotJson.Normalized(AffectedSlice.Of(all, affected, emulated.Config))),
                $"seed {seed}, round {round}: {SnapshotJson.Of(affected)}");
            (groupsRead, enisRead, rulesRead) = (groupsRead + slice.SecurityGroups.Count, enisRead + slice.NetworkInterfaces.Count, rulesRead + slice.SecurityGroupRules.Count);
        }
        Assert.That(new[] { groupsRead, enisRead, rulesRead }, Has.All.GreaterThan(0), "the random sets found SGs, ENIs and rules");
    }

    [Test]
    public async Task The_calls_of_a_read_do_not_grow_with_the_account()
    {
        var counts = new List<IReadOnlyDictionary<string, int>>();
        foreach (var size in new[] { 10, 500 })
        {
            await using var emulated = await EmulatedAccount.StartAsync(seed: 7);
            var account = emulated.Account;
            var subnet = account.Subnets.First(s => s.VpcId == emulated.Vpc.VpcId);
            var list = account.AddPrefixList("corp", ["192.168.0.0/16"]);
            var groups = Enumerable.Range(0, size).Select(i => account.AddSecurityGroup(emulated.Vpc.VpcId, $"g{i}").GroupId).ToList();
            account.AddIngressRules(groups[0], new Core.Aws.IpPermission
            {
                IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new Core.Aws.PrefixListId { Id = list.PrefixListId }],
            });
            var instances = Enumerable.Range(0, size).Select(i => account.AddInstance(subnet.SubnetId, [groups[i % groups.Count]])).ToList();
            var db = account.AddDbInstance("orders", [groups[1]]);
            var eni = account.NetworkInterfaces.First(e => e.Attachment?.InstanceId == instances[3].InstanceId);
            emulated.Emulator.Calls.Reset();

            var slice = await emulated.Inventory.ReadAsync(new AffectedResources
            {
                SecurityGroups = Ids(groups[0], groups[1]),
                NetworkInterfaces = Ids(eni.NetworkInterfaceId),
                Instances = Ids(instances[5].InstanceId),
                DbInstances = Ids(db.DbInstanceIdentifier),
            }, CancellationToken.None);

            Assert.That(slice.SecurityGroups, Has.Count.EqualTo(2));
            Assert.That(slice.PrefixLists.Single().PrefixListId, Is.EqualTo(list.PrefixListId));
            Assert.That(slice.DbInstances.Single().DBInstanceIdentifier, Is.EqualTo("orders"));
            counts.Add(emulated.Emulator.Calls.Snapshot());
        }

        Assert.That(counts[1], Is.EqualTo(counts[0]), "the same calls for 10 and 500 SGs, instances and ENIs");
        Assert.That(counts[0].Values.Sum(), Is.LessThanOrEqualTo(12));
    }

    [Test]
    public async Task Throttling_and_5xx_are_retried_and_the_read_succeeds()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        var account = emulated.Account;
        var group = account.AddSecurityGroup(emulated.Vpc.VpcId, "web");
        var subnet = account.Subnets.First(s => s.VpcId == emulated.Vpc.VpcId);
        var instance = account.AddInstance(subnet.SubnetId, [group.GroupId]);
        account.AddDbInstance("orders", [group.GroupId]);
        var expected = await emulated.Inventory.ReadAllAsync(CancellationToken.None);
        var affected = new AffectedResources { SecurityGroups = Ids(group.GroupId), Instances = Ids(instance.InstanceId), DbInstances = Ids("orders") };
        var expectedSlice = await emulated.Inventory.ReadAsync(affected, CancellationToken.None);

        emulated.Emulator.Faults.FailNext("DescribeSecurityGroups", 2, FaultKind.Throttling);
        emulated.Emulator.Faults.FailNext("DescribeNetworkInterfaces", 1, FaultKind.InternalError);
        emulated.Emulator.Faults.FailNext("DescribeSecurityGroupRules", 1, FaultKind.Unavailable);
        emulated.Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.Throttling);
        emulated.Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.InternalError);
        emulated.Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.Unavailable);
        var slice = await emulated.Inventory.ReadAsync(affected, CancellationToken.None);
        emulated.Emulator.Faults.FailNext(FaultInjector.AnyAction, 3, FaultKind.Throttling);
        var all = await emulated.Inventory.ReadAllAsync(CancellationToken.None);

        Assert.That(emulated.Emulator.Faults.InjectedCount, Is.EqualTo(10));
        Assert.That(SnapshotJson.Normalized(slice), Is.EqualTo(SnapshotJson.Normalized(expectedSlice)));
        Assert.That(SnapshotJson.Normalized(all), Is.EqualTo(SnapshotJson.Normalized(expected)));
    }

    [Test]
    public async Task Deleted_resources_are_absent_not_errors()
    {
        await using var emulated = await EmulatedAccount.StartAsync();
        var account = emulated.Account;
        var subnet = account.Subnets.First(s => s.VpcId == emulated.Vpc.VpcId);
        var group = account.AddSecurityGroup(emulated.Vpc.VpcId, "gone");
        var eni = account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = subnet.SubnetId, GroupIds = [group.GroupId] });
        var instance = account.AddInstance(subnet.SubnetId);
        await emulated.Ec2.DeleteNetworkInterfaceAsync(new Amazon.EC2.Model.DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
        await emulated.Ec2.DeleteSecurityGroupAsync(new Amazon.EC2.Model.DeleteSecurityGroupRequest { GroupId = group.GroupId });
        await emulated.Ec2.TerminateInstancesAsync(new Amazon.EC2.Model.TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });

        var slice = await emulated.Inventory.ReadAsync(new AffectedResources
        {
            SecurityGroups = Ids(group.GroupId),
            NetworkInterfaces = Ids(eni.NetworkInterfaceId),
            Instances = Ids(instance.InstanceId),
            DbInstances = Ids("never-created"),
            DbClusters = Ids("no-cluster"),
            PrefixLists = Ids("pl-0123456789abcdef0"),
        }, CancellationToken.None);

        Assert.That(SnapshotJson.Normalized(slice), Is.EqualTo(SnapshotJson.Normalized(new Core.Aws.AwsSnapshot())));
    }
}
