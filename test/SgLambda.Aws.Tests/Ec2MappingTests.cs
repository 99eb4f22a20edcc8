using Amazon.EC2;
using SgLambda.Aws.Rds;
using SgLambda.Aws.Tests.Support;
using Ec2 = Amazon.EC2.Model;
using Model = SgLambda.Core.Aws;

namespace SgLambda.Aws.Tests;

public class Ec2MappingTests
{
    [Test]
    public void Absent_collections_of_sdk_v4_map_to_empty_lists()
    {
        var group = Ec2Mapping.ToSecurityGroup(new Ec2.SecurityGroup { GroupId = "sg-1", IpPermissions = [new Ec2.IpPermission { IpProtocol = "-1" }] });
        var eni = Ec2Mapping.ToNetworkInterface(new Ec2.NetworkInterface { NetworkInterfaceId = "eni-1" });

        Assert.That(group.IpPermissionsEgress, Is.Empty);
        Assert.That(group.Tags, Is.Empty);
        var permission = group.IpPermissions.Single();
        Assert.That(permission.IpRanges, Is.Empty);
        Assert.That(permission.Ipv6Ranges, Is.Empty);
        Assert.That(permission.PrefixListIds, Is.Empty);
        Assert.That(permission.UserIdGroupPairs, Is.Empty);
        Assert.That(eni.Groups, Is.Empty);
        Assert.That(eni.PrivateIpAddresses, Is.Empty);
        Assert.That(eni.Ipv6Addresses, Is.Empty);
        Assert.That(eni.TagSet, Is.Empty);
        Assert.That(eni.Attachment, Is.Null);
        Assert.That(eni.InterfaceType, Is.Null);
    }

    [Test]
    public void An_eni_maps_field_for_field()
    {
        var eni = Ec2Mapping.ToNetworkInterface(new Ec2.NetworkInterface
        {
            NetworkInterfaceId = "eni-1",
            VpcId = "vpc-1",
            SubnetId = "subnet-1",
            AvailabilityZone = "eu-west-1a",
            InterfaceType = NetworkInterfaceType.Branch,
            Description = "aws-K8S-i-1",
            Status = NetworkInterfaceStatus.InUse,
            RequesterId = "amazon-elb",
            RequesterManaged = true,
            PrivateDnsName = "ip-10-0-0-1.internal",
            PrivateIpAddress = "10.0.0.1",
            Groups = [new Ec2.GroupIdentifier { GroupId = "sg-1", GroupName = "one" }],
            PrivateIpAddresses =
            [
                new Ec2.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.0.1", Primary = true, PrivateDnsName = "ip-10-0-0-1.internal" },
                new Ec2.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.0.2" },
            ],
            Ipv6Addresses = [new Ec2.NetworkInterfaceIpv6Address { Ipv6Address = "2001:db8::1", IsPrimaryIpv6 = true }],
            Ipv6Address = "2001:db8::1",
            Attachment = new Ec2.NetworkInterfaceAttachment
            {
                AttachmentId = "eni-attach-1", InstanceId = "i-1", InstanceOwnerId = "amazon-rds",
                DeviceIndex = 1, NetworkCardIndex = 2, Status = AttachmentStatus.Attached,
            },
            TagSet = [new Ec2.Tag { Key = "k", Value = "v" }],
        });

        var expected = new Model.NetworkInterface
        {
            NetworkInterfaceId = "eni-1",
            VpcId = "vpc-1",
            SubnetId = "subnet-1",
            AvailabilityZone = "eu-west-1a",
            InterfaceType = "branch",
            Description = "aws-K8S-i-1",
            Status = "in-use",
            RequesterId = "amazon-elb",
            RequesterManaged = true,
            PrivateDnsName = "ip-10-0-0-1.internal",
            PrivateIpAddress = "10.0.0.1",
            Groups = [new Model.GroupIdentifier { GroupId = "sg-1", GroupName = "one" }],
            PrivateIpAddresses =
            [
                new Model.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.0.1", Primary = true, PrivateDnsName = "ip-10-0-0-1.internal" },
                new Model.NetworkInterfacePrivateIpAddress { PrivateIpAddress = "10.0.0.2", Primary = false },
            ],
            Ipv6Addresses = [new Model.NetworkInterfaceIpv6Address { Ipv6Address = "2001:db8::1", IsPrimaryIpv6 = true }],
            Ipv6Address = "2001:db8::1",
            Attachment = new Model.NetworkInterfaceAttachment
            {
                AttachmentId = "eni-attach-1", InstanceId = "i-1", InstanceOwnerId = "amazon-rds",
                DeviceIndex = 1, NetworkCardIndex = 2, Status = "attached",
            },
            TagSet = [new Model.Tag { Key = "k", Value = "v" }],
        };
        Assert.That(SnapshotJson.Of(eni), Is.EqualTo(SnapshotJson.Of(expected)));
    }

    [Test]
    public void A_rule_keeps_its_id_direction_and_single_peer()
    {
        var rule = Ec2Mapping.ToRule(new Ec2.SecurityGroupRule
        {
            SecurityGroupRuleId = "sgr-1", GroupId = "sg-1", IsEgress = true, IpProtocol = "udp", FromPort = 53, ToPort = 53,
            ReferencedGroupInfo = new Ec2.ReferencedSecurityGroup { GroupId = "sg-2", UserId = "1", VpcId = "vpc-2", VpcPeeringConnectionId = "pcx-1", PeeringStatus = "active" },
            Description = "dns",
        });

        Assert.That(SnapshotJson.Of(rule), Is.EqualTo(SnapshotJson.Of(new Model.SecurityGroupRule
        {
            SecurityGroupRuleId = "sgr-1", GroupId = "sg-1", IsEgress = true, IpProtocol = "udp", FromPort = 53, ToPort = 53,
            ReferencedGroupInfo = new Model.ReferencedSecurityGroup { GroupId = "sg-2", UserId = "1", VpcId = "vpc-2", VpcPeeringConnectionId = "pcx-1", PeeringStatus = "active" },
            Description = "dns",
        })));
        Assert.That(Ec2Mapping.ToRule(new Ec2.SecurityGroupRule { SecurityGroupRuleId = "sgr-2", GroupId = "sg-1", IpProtocol = "-1" }).IsEgress, Is.False);
    }

    [Test]
    public void A_db_instance_takes_its_vpc_from_the_subnet_group()
    {
        var db = Ec2Mapping.ToDbInstance(FakeRds.Instance("db-1", "vpc-1", "cluster-1", "sg-1", "sg-2"));

        Assert.That(SnapshotJson.Of(db), Is.EqualTo(SnapshotJson.Of(new Model.DbInstance
        {
            DBInstanceIdentifier = "db-1", DBClusterIdentifier = "cluster-1", DBInstanceStatus = "available", VpcId = "vpc-1", VpcSecurityGroupIds = ["sg-1", "sg-2"],
        })));
        Assert.That(Ec2Mapping.ToDbInstance(new DBInstance { DBInstanceIdentifier = "db-2" }).VpcSecurityGroupIds, Is.Empty);
    }
}
