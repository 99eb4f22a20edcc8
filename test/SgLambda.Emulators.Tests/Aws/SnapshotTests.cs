using Amazon.EC2.Model;
using SgLambda.Core.Configuration;
using SgLambda.Core.Translation;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>The account as SgLambda reads it: the snapshot agrees with the API and renders.</summary>
public sealed class SnapshotTests : EmulatorTestBase
{
    [Test]
    public async Task The_snapshot_holds_what_describe_returns()
    {
        var app = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        Emulator.Account.AddIngressRules(app.GroupId, new SgLambda.Core.Aws.IpPermission
        {
            IpProtocol = "tcp", FromPort = 443, ToPort = 443,
            IpRanges = [new SgLambda.Core.Aws.IpRange { CidrIp = "10.1.0.0/16" }, new SgLambda.Core.Aws.IpRange { CidrIp = "10.2.0.0/16" }],
        });
        var eni = Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = Subnet.SubnetId, GroupIds = [app.GroupId], SecondaryPrivateIpAddressCount = 1 });

        var snapshot = Emulator.Account.ToSnapshot();
        var described = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [app.GroupId] })).SecurityGroups.Single();
        var describedEni = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eni.NetworkInterfaceId] }))
            .NetworkInterfaces.Single();

        var group = snapshot.SecurityGroups.Single(g => g.GroupId == app.GroupId);
        Assert.That(group.IpPermissions.Single().IpRanges.Select(r => r.CidrIp), Is.EqualTo(described.IpPermissions.Single().Ipv4Ranges.Select(r => r.CidrIp)));
        Assert.That(snapshot.SecurityGroupRules.Count(r => r.GroupId == app.GroupId), Is.EqualTo(3), "two ingress peers and the default egress rule");
        var snapshotEni = snapshot.NetworkInterfaces.Single(e => e.NetworkInterfaceId == eni.NetworkInterfaceId);
        Assert.That(snapshotEni.PrivateIpAddresses.Select(a => a.PrivateIpAddress), Is.EqualTo(describedEni.PrivateIpAddresses.Select(a => a.PrivateIpAddress)));
        Assert.That(snapshot.Vpcs.Single().CidrBlock, Is.EqualTo("10.0.0.0/16"));
    }

    [Test]
    public void The_snapshot_renders_a_host_endpoint_per_eni_and_policies_per_group()
    {
        var app = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");
        var eni = Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = Subnet.SubnetId, GroupIds = [app.GroupId] });

        var rendered = Translator.Render(Emulator.Account.ToSnapshot(), new SgLambdaConfig { VpcId = Vpc.VpcId });

        var names = rendered.Objects.Select(o => o.Key.ToString()).ToList();
        Assert.That(names, Does.Contain($"HostEndpoint/{eni.NetworkInterfaceId}"));
        Assert.That(names, Does.Contain($"GlobalNetworkPolicy/sg-local.{app.GroupId}"));
    }
}
