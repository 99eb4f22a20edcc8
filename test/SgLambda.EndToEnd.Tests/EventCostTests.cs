using Amazon.EC2.Model;

namespace SgLambda.EndToEnd.Tests;

/// <summary>
/// An event costs O(1) AWS and Kubernetes calls whatever the size of the account: the same changes cost the
/// same number of calls (counted by the emulators) in a small and in a forty times larger account.
/// </summary>
public class EventCostTests
{
    private sealed record Cost(int Aws, int Kubernetes);

    private static async Task<Dictionary<string, Cost>> CostsOfTheSameChangesAsync(int scale)
    {
        await using var harness = await Harness.StartAsync(seed: 5);
        var account = harness.Aws.Account;
        var groups = new List<string>();
        for (var i = 0; i < 10 * scale; i++)
        {
            var group = account.AddSecurityGroup(harness.VpcId, $"bulk-{i}").GroupId;
            if (groups.Count > 0)
                account.AddIngressRules(group, new Core.Aws.IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new Core.Aws.UserIdGroupPair { GroupId = groups[^1] }] });
            groups.Add(group);
        }
        var mountTarget = account.AddNetworkInterface(new Emulators.Aws.Model.NetworkInterfaceSpec
        {
            SubnetId = harness.SubnetId, GroupIds = [groups[1]], Description = "EFS mount target for fs-0a1b2c3d (fsmt-0a1b2c3d4e5f60741)",
        }).NetworkInterfaceId;
        var taskEni = account.AddNetworkInterface(new Emulators.Aws.Model.NetworkInterfaceSpec { SubnetId = harness.SubnetId, GroupIds = [groups[1]] }).NetworkInterfaceId;
        var instances = Enumerable.Range(0, 20 * scale).Select(i => account.AddInstance(harness.SubnetId, [groups[i % groups.Count]]).InstanceId).ToList();
        await harness.ReconcileAsync();
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True);

        var costs = new Dictionary<string, Cost>(StringComparer.Ordinal);
        async Task Measure(string change, Func<Task> act)
        {
            await act();
            var aws = harness.Aws.Calls.Total;
            var kubernetes = harness.Cluster.Requests.Total;
            await harness.DeliverEventsAsync();
            costs[change] = new Cost(harness.Aws.Calls.Total - aws, harness.Cluster.Requests.Total - kubernetes);
        }

        // Another service's call: the EC2-level change is not delivered, the service's own event is.
        async Task MeasureServiceCall(string change, string serviceEni, string serviceEvent)
        {
            await harness.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = serviceEni, Groups = [groups[2]] });
            harness.Aws.Events.Drain();
            var aws = harness.Aws.Calls.Total;
            var kubernetes = harness.Cluster.Requests.Total;
            await harness.DeliverAsync(serviceEvent);
            costs[change] = new Cost(harness.Aws.Calls.Total - aws, harness.Cluster.Requests.Total - kubernetes);
        }

        var eni = account.ToSnapshot().NetworkInterfaces.First(e => e.Attachment?.InstanceId == instances[0]).NetworkInterfaceId;
        await Measure("authorize", () => harness.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groups[0],
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }],
        }));
        // A rule naming another SG touches that SG's sg-remote.for-<sg>, found by label, not by reading other SGs.
        await Measure("authorize from a group", () => harness.Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groups[5],
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 8080, ToPort = 8080, UserIdGroupPairs = [new UserIdGroupPair { GroupId = groups[3] }] }],
        }));
        await Measure("revoke from a group", () => harness.Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = groups[5],
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new UserIdGroupPair { GroupId = groups[4] }] }],
        }));
        await Measure("set ENI groups", () => harness.Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, Groups = [groups[1], groups[2]] }));
        await Measure("run instance", () => harness.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0abcdef1234567890", MinCount = 1, MaxCount = 1, SubnetId = harness.SubnetId, SecurityGroupIds = [groups[3]] }));
        await Measure("terminate instance", () => harness.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instances[1]] }));
        await Measure("create group", () => harness.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "new", Description = "new", VpcId = harness.VpcId }));
        await MeasureServiceCall("EFS mount target groups", mountTarget, ServiceEvents.ModifyMountTargetSecurityGroups("fsmt-0a1b2c3d4e5f60741", groups[2]));
        await MeasureServiceCall("unknown service call", taskEni, ServiceEvents.UpdateEcsService(groups[2]));
        Assert.That((await harness.DifferenceFromRenderAsync()).IsEmpty, Is.True);
        return costs;
    }

    [Test]
    public async Task The_same_changes_cost_the_same_calls_in_an_account_forty_times_larger()
    {
        var small = await CostsOfTheSameChangesAsync(scale: 1);
        var large = await CostsOfTheSameChangesAsync(scale: 40);

        await TestContext.Out.WriteLineAsync(string.Join("\n", small.Select(c => $"{c.Key}: small {c.Value}, large {large[c.Key]}")));
        Assert.That(large, Is.EqualTo(small));
        Assert.That(small.Values.Select(c => c.Aws + c.Kubernetes), Is.All.LessThan(40));
    }
}
