using Amazon.EC2;
using Amazon.EC2.Model;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>RunInstances, DescribeInstances and TerminateInstances through the real AWSSDK.EC2 client.</summary>
public sealed class InstanceTests : EmulatorTestBase
{
    [Test]
    public async Task RunInstances_answers_pending_with_a_primary_eni_and_the_instance_is_then_running()
    {
        var node = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "node");

        var run = await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.T3Medium, MinCount = 1, MaxCount = 1,
            SubnetId = Subnet.SubnetId, SecurityGroupIds = [node.GroupId],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "node-1")] }],
        });

        var launched = run.Reservation.Instances.Single();
        Assert.That(run.Reservation.ReservationId, Does.Match("^r-[0-9a-f]{17}$"));
        Assert.That(launched.InstanceId, Does.Match("^i-[0-9a-f]{17}$"));
        Assert.That(launched.State.Name.Value, Is.EqualTo("pending"));
        Assert.That(launched.State.Code, Is.EqualTo(0));
        var primary = launched.NetworkInterfaces.Single();
        Assert.That((primary.Attachment.DeviceIndex, primary.Attachment.Status.Value, primary.Attachment.DeleteOnTermination),
            Is.EqualTo((0, "attaching", (bool?)true)));
        Assert.That(primary.Groups.Single().GroupId, Is.EqualTo(node.GroupId));
        Assert.That(launched.PrivateIpAddress, Is.EqualTo(primary.PrivateIpAddress));
        Assert.That(launched.Tags.Single().Value, Is.EqualTo("node-1"));

        var described = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [launched.InstanceId] }))
            .Reservations.Single().Instances.Single();
        Assert.That(described.State.Name.Value, Is.EqualTo("running"));
        Assert.That(described.State.Code, Is.EqualTo(16));
        Assert.That(described.NetworkInterfaces.Single().Attachment.Status.Value, Is.EqualTo("attached"));
        Assert.That(described.SecurityGroups.Single().GroupName, Is.EqualTo("node"));
        var eni = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("attachment.instance-id", [launched.InstanceId])],
        })).NetworkInterfaces.Single();
        Assert.That(eni.NetworkInterfaceId, Is.EqualTo(primary.NetworkInterfaceId));
    }

    [Test]
    public async Task Terminating_deletes_the_primary_eni_and_keeps_other_enis_detached()
    {
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);
        var secondary = Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = Subnet.SubnetId, InstanceId = instance.InstanceId, DeviceIndex = 1 });

        var terminated = await Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });

        var change = terminated.TerminatingInstances.Single();
        Assert.That((change.InstanceId, change.PreviousState.Name.Value, change.CurrentState.Name.Value),
            Is.EqualTo((instance.InstanceId, "running", "shutting-down")));
        Assert.That(Emulator.Account.FindNetworkInterface(instance.PrimaryNetworkInterfaceId), Is.Null);
        Assert.That(Emulator.Account.FindNetworkInterface(secondary.NetworkInterfaceId)!.Attachment, Is.Null);
        var described = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] }))
            .Reservations.Single().Instances.Single();
        Assert.That(described.State.Name.Value, Is.EqualTo("terminated"));
    }

    [Test]
    public async Task Terminating_a_missing_instance_fails_with_InvalidInstanceID_NotFound_and_terminates_nothing()
    {
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);

        var error = await Ec2Error(() => Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId, "i-0123456789abcdef0"] }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
        Assert.That(Emulator.Account.FindInstance(instance.InstanceId)!.State, Is.EqualTo(InstanceStates.Running));
    }

    [Test]
    public async Task A_launch_that_fails_part_way_leaves_nothing_behind()
    {
        var tiny = Emulator.Account.AddSubnet(Vpc.VpcId, "10.0.255.0/29"); // 3 usable addresses: .4, .5, .6

        var error = await Ec2Error(() => Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0abcdef1234567890", MinCount = 4, MaxCount = 4, SubnetId = tiny.SubnetId,
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InsufficientFreeAddressesInSubnet"));
        Assert.That(Emulator.Account.Instances, Is.Empty);
        Assert.That(Emulator.Account.NetworkInterfaces, Is.Empty);
    }

    [Test]
    public async Task DescribeInstances_filters_by_state_vpc_and_tag()
    {
        var kept = Emulator.Account.AddInstance(Subnet.SubnetId, tags: [new SgLambda.Core.Aws.Tag { Key = "role", Value = "node" }]);
        var gone = Emulator.Account.AddInstance(Subnet.SubnetId);
        await Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [gone.InstanceId] });

        var running = await InstanceIds(new Filter("instance-state-name", ["running"]), new Filter("vpc-id", [Vpc.VpcId]));
        var tagged = await InstanceIds(new Filter("tag:role", ["node"]));

        Assert.That(running, Is.EqualTo(new[] { kept.InstanceId }));
        Assert.That(tagged, Is.EqualTo(new[] { kept.InstanceId }));
    }

    private async Task<IReadOnlyList<string>> InstanceIds(params Filter[] filters) =>
        [.. ((await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [.. filters] })).Reservations ?? [])
            .SelectMany(r => r.Instances).Select(i => i.InstanceId)];
}
