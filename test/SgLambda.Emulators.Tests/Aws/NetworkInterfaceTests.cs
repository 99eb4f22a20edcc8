using Amazon.EC2.Model;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>ENI lifecycle through the real AWSSDK.EC2 client.</summary>
public sealed class NetworkInterfaceTests : EmulatorTestBase
{
    [Test]
    public async Task A_created_eni_gets_an_address_of_its_subnet_and_the_default_group_when_none_is_given()
    {
        var eni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = Subnet.SubnetId, Description = "test" })).NetworkInterface;

        Assert.That(eni.NetworkInterfaceId, Does.Match("^eni-[0-9a-f]{17}$"));
        Assert.That(eni.PrivateIpAddress, Is.EqualTo("10.0.0.4"), "the first address AWS does not reserve");
        Assert.That(eni.PrivateIpAddresses.Single().Primary, Is.True);
        Assert.That(eni.PrivateDnsName, Is.EqualTo("ip-10-0-0-4.ec2.internal"));
        Assert.That(eni.VpcId, Is.EqualTo(Vpc.VpcId));
        Assert.That(eni.InterfaceType.Value, Is.EqualTo("interface"));
        Assert.That(eni.Groups.Single().GroupName, Is.EqualTo("default"));
        Assert.That(eni.Status.Value, Is.EqualTo("pending"));
        Assert.That(eni.Description, Is.EqualTo("test"));
    }

    [Test]
    public async Task Chosen_addresses_secondary_addresses_and_ipv6_are_kept()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var eni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = Subnet.SubnetId,
            Groups = [group.GroupId],
            PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.10", Primary = true }],
            SecondaryPrivateIpAddressCount = 2,
            Ipv6Addresses = [new InstanceIpv6Address { Ipv6Address = "2600:1f18::10" }],
        })).NetworkInterface;

        var described = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eni.NetworkInterfaceId] }))
            .NetworkInterfaces.Single();
        Assert.That(described.PrivateIpAddress, Is.EqualTo("10.0.1.10"));
        Assert.That(described.PrivateIpAddresses.Select(a => (a.PrivateIpAddress, a.Primary == true)),
            Is.EqualTo(new[] { ("10.0.1.10", true), ("10.0.0.4", false), ("10.0.0.5", false) }));
        Assert.That(described.Ipv6Addresses.Single().Ipv6Address, Is.EqualTo("2600:1f18::10"));
        Assert.That(described.Groups.Single().GroupId, Is.EqualTo(group.GroupId));
        Assert.That(described.Status.Value, Is.EqualTo("available"));
    }

    [Test]
    public async Task Attach_modify_groups_assign_addresses_detach_and_delete()
    {
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);
        var app = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var db = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "db");
        var eniId = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = Subnet.SubnetId, Groups = [app.GroupId] }))
            .NetworkInterface.NetworkInterfaceId;

        var attached = await Ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eniId, InstanceId = instance.InstanceId, DeviceIndex = 1 });
        Assert.That(attached.AttachmentId, Does.Match("^eni-attach-[0-9a-f]{17}$"));
        var attachment = (await Describe(eniId)).Attachment;
        Assert.That((attachment.InstanceId, attachment.DeviceIndex, attachment.Status.Value), Is.EqualTo((instance.InstanceId, 1, "attached")));

        await Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eniId, Groups = [app.GroupId, db.GroupId] });
        Assert.That((await Describe(eniId)).Groups.Select(g => g.GroupName), Is.EqualTo(new[] { "app", "db" }));

        var assigned = await Ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eniId, SecondaryPrivateIpAddressCount = 2 });
        Assert.That(assigned.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress), Is.EqualTo(new[] { "10.0.0.6", "10.0.0.7" }), "the next free addresses after the instance's and this ENI's");
        Assert.That((await Describe(eniId)).PrivateIpAddresses, Has.Count.EqualTo(3));

        var deleteAttached = await Ec2Error(() => Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eniId }));
        Assert.That(deleteAttached.ErrorCode, Is.EqualTo("InvalidNetworkInterface.InUse"));

        await Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attached.AttachmentId });
        Assert.That((await Describe(eniId)).Attachment, Is.Null);

        await Ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eniId });
        var gone = await Ec2Error(() => Describe(eniId));
        Assert.That(gone.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
    }

    [Test]
    public async Task An_instances_primary_eni_cannot_be_detached()
    {
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId);
        var primary = Emulator.Account.FindNetworkInterface(instance.PrimaryNetworkInterfaceId)!;

        var error = await Ec2Error(() => Ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = primary.Attachment!.AttachmentId }));

        Assert.That(error.ErrorCode, Is.EqualTo("OperationNotPermitted"));
    }

    [Test]
    public async Task Modifying_groups_to_a_missing_group_fails_and_changes_nothing()
    {
        var app = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var eni = Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = Subnet.SubnetId, GroupIds = [app.GroupId] });

        var error = await Ec2Error(() => Ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, Groups = [app.GroupId, "sg-0000000000000000f"],
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That(Emulator.Account.FindNetworkInterface(eni.NetworkInterfaceId)!.GroupIds, Is.EqualTo(new[] { app.GroupId }));
    }

    [Test]
    public async Task Filters_select_enis_the_way_the_event_path_looks_them_up()
    {
        var app = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var instance = Emulator.Account.AddInstance(Subnet.SubnetId, [app.GroupId]);
        var primary = Emulator.Account.FindNetworkInterface(instance.PrimaryNetworkInterfaceId)!;
        var rds = Emulator.Account.AddDbInstance("orders", [app.GroupId]);
        var lambda = Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec
        {
            SubnetId = Subnet.SubnetId, InterfaceType = "lambda", Description = "AWS Lambda VPC ENI-orders", RequesterId = "AROAEXAMPLE:orders",
            RequesterManaged = true, GroupIds = [app.GroupId],
        });
        var otherVpc = Emulator.Account.AddVpc("172.16.0.0/16");
        Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { VpcId = otherVpc.VpcId });

        Assert.That(await Ids(new Filter("attachment.instance-id", [instance.InstanceId])), Is.EqualTo(new[] { primary.NetworkInterfaceId }));
        Assert.That(await Ids(new Filter("attachment.attachment-id", [primary.Attachment!.AttachmentId])), Is.EqualTo(new[] { primary.NetworkInterfaceId }));
        Assert.That(await Ids(new Filter("requester-id", ["amazon-rds"])), Is.EqualTo(new[] { rds.NetworkInterfaceId }));
        Assert.That(await Ids(new Filter("description", ["AWS Lambda VPC ENI*"])), Is.EqualTo(new[] { lambda.NetworkInterfaceId }));
        Assert.That(await Ids(new Filter("network-interface-id", [lambda.NetworkInterfaceId])), Is.EqualTo(new[] { lambda.NetworkInterfaceId }));
        Assert.That(await Ids(new Filter("group-id", [app.GroupId])),
            Is.EquivalentTo(new[] { primary.NetworkInterfaceId, rds.NetworkInterfaceId, lambda.NetworkInterfaceId }));
        Assert.That(await Ids(new Filter("vpc-id", [Vpc.VpcId])), Has.Count.EqualTo(3));
        Assert.That(await Ids(new Filter("vpc-id", [Vpc.VpcId]), new Filter("requester-id", ["amazon-rds", "AROAEXAMPLE:orders"])),
            Is.EquivalentTo(new[] { rds.NetworkInterfaceId, lambda.NetworkInterfaceId }), "filters AND, values OR");
    }

    [Test]
    public async Task An_rds_eni_looks_like_rds_made_it()
    {
        var app = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var db = Emulator.Account.AddDbInstance("orders", [app.GroupId]);

        var eni = await Describe(db.NetworkInterfaceId);

        Assert.That((eni.Description, eni.RequesterId, eni.RequesterManaged), Is.EqualTo(("RDSNetworkInterface", "amazon-rds", (bool?)true)));
        Assert.That(eni.Attachment.InstanceOwnerId, Is.EqualTo("amazon-rds"));
        Assert.That(eni.Attachment.InstanceId, Is.Null);
        Assert.That(eni.Groups.Single().GroupId, Is.EqualTo(app.GroupId));
    }

    [Test]
    public async Task Describing_by_ids_and_max_results_together_is_refused_as_ec2_does()
    {
        var eni = Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = Subnet.SubnetId });

        var error = await Ec2Error(() => Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = [eni.NetworkInterfaceId], MaxResults = 5,
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
    }

    private async Task<NetworkInterface> Describe(string eniId) =>
        (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eniId] })).NetworkInterfaces.Single();

    private async Task<IReadOnlyList<string>> Ids(params Filter[] filters) =>
        [.. ((await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [.. filters] })).NetworkInterfaces ?? [])
            .Select(e => e.NetworkInterfaceId)];
}
