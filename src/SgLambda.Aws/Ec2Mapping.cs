using SgLambda.Aws.Rds;
using Model = SgLambda.Core.Aws;
using Ec2 = Amazon.EC2.Model;

namespace SgLambda.Aws;

/// <summary>
/// AWSSDK.EC2 (and RDS) shapes to the core's records, field for field as the AWS CLI prints them. SDK v4
/// leaves absent collections null: every list is read through <see cref="OrEmpty"/>.
/// </summary>
public static class Ec2Mapping
{
    public static Model.SecurityGroup ToSecurityGroup(Ec2.SecurityGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new Model.SecurityGroup
        {
            GroupId = group.GroupId ?? "",
            GroupName = group.GroupName,
            Description = group.Description,
            VpcId = group.VpcId,
            OwnerId = group.OwnerId,
            IpPermissions = [.. OrEmpty(group.IpPermissions).Select(ToPermission)],
            IpPermissionsEgress = [.. OrEmpty(group.IpPermissionsEgress).Select(ToPermission)],
            Tags = [.. OrEmpty(group.Tags).Select(ToTag)],
        };
    }

    public static Model.IpPermission ToPermission(Ec2.IpPermission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return new Model.IpPermission
        {
            IpProtocol = permission.IpProtocol ?? "",
            FromPort = permission.FromPort,
            ToPort = permission.ToPort,
            IpRanges = [.. OrEmpty(permission.Ipv4Ranges).Select(r => new Model.IpRange { CidrIp = r.CidrIp ?? "", Description = r.Description })],
            Ipv6Ranges = [.. OrEmpty(permission.Ipv6Ranges).Select(r => new Model.Ipv6Range { CidrIpv6 = r.CidrIpv6 ?? "", Description = r.Description })],
            PrefixListIds = [.. OrEmpty(permission.PrefixListIds).Select(p => new Model.PrefixListId { Id = p.Id ?? "", Description = p.Description })],
            UserIdGroupPairs = [.. OrEmpty(permission.UserIdGroupPairs).Select(p => new Model.UserIdGroupPair
            {
                GroupId = p.GroupId ?? "",
                GroupName = p.GroupName,
                UserId = p.UserId,
                VpcId = p.VpcId,
                VpcPeeringConnectionId = p.VpcPeeringConnectionId,
                PeeringStatus = p.PeeringStatus,
                Description = p.Description,
            })],
        };
    }

    public static Model.SecurityGroupRule ToRule(Ec2.SecurityGroupRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new Model.SecurityGroupRule
        {
            SecurityGroupRuleId = rule.SecurityGroupRuleId ?? "",
            GroupId = rule.GroupId ?? "",
            IsEgress = rule.IsEgress ?? false,
            IpProtocol = rule.IpProtocol ?? "",
            FromPort = rule.FromPort,
            ToPort = rule.ToPort,
            CidrIpv4 = rule.CidrIpv4,
            CidrIpv6 = rule.CidrIpv6,
            PrefixListId = rule.PrefixListId,
            ReferencedGroupInfo = rule.ReferencedGroupInfo is { } referenced
                ? new Model.ReferencedSecurityGroup
                {
                    GroupId = referenced.GroupId,
                    UserId = referenced.UserId,
                    VpcId = referenced.VpcId,
                    VpcPeeringConnectionId = referenced.VpcPeeringConnectionId,
                    PeeringStatus = referenced.PeeringStatus,
                }
                : null,
            Description = rule.Description,
        };
    }

    public static Model.NetworkInterface ToNetworkInterface(Ec2.NetworkInterface eni)
    {
        ArgumentNullException.ThrowIfNull(eni);
        return new Model.NetworkInterface
        {
            NetworkInterfaceId = eni.NetworkInterfaceId ?? "",
            VpcId = eni.VpcId,
            SubnetId = eni.SubnetId,
            AvailabilityZone = eni.AvailabilityZone,
            InterfaceType = eni.InterfaceType?.Value,
            Description = eni.Description,
            Status = eni.Status?.Value,
            RequesterId = eni.RequesterId,
            RequesterManaged = eni.RequesterManaged,
            PrivateDnsName = eni.PrivateDnsName,
            PrivateIpAddress = eni.PrivateIpAddress,
            Groups = [.. OrEmpty(eni.Groups).Select(g => new Model.GroupIdentifier { GroupId = g.GroupId ?? "", GroupName = g.GroupName })],
            PrivateIpAddresses = [.. OrEmpty(eni.PrivateIpAddresses).Select(a => new Model.NetworkInterfacePrivateIpAddress
            {
                PrivateIpAddress = a.PrivateIpAddress ?? "",
                Primary = a.Primary ?? false,
                PrivateDnsName = a.PrivateDnsName,
            })],
            Ipv6Addresses = [.. OrEmpty(eni.Ipv6Addresses).Select(a => new Model.NetworkInterfaceIpv6Address
            {
                Ipv6Address = a.Ipv6Address ?? "",
                IsPrimaryIpv6 = a.IsPrimaryIpv6,
            })],
            Ipv6Address = eni.Ipv6Address,
            Attachment = eni.Attachment is { } attachment
                ? new Model.NetworkInterfaceAttachment
                {
                    AttachmentId = attachment.AttachmentId,
                    InstanceId = attachment.InstanceId,
                    InstanceOwnerId = attachment.InstanceOwnerId,
                    DeviceIndex = attachment.DeviceIndex,
                    NetworkCardIndex = attachment.NetworkCardIndex,
                    Status = attachment.Status?.Value,
                }
                : null,
            TagSet = [.. OrEmpty(eni.TagSet).Select(ToTag)],
        };
    }

    public static Model.Vpc ToVpc(Ec2.Vpc vpc)
    {
        ArgumentNullException.ThrowIfNull(vpc);
        return new Model.Vpc { VpcId = vpc.VpcId ?? "", CidrBlock = vpc.CidrBlock };
    }

    public static Model.ManagedPrefixList ToPrefixList(Ec2.ManagedPrefixList list, IEnumerable<Ec2.PrefixListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(entries);
        return new Model.ManagedPrefixList
        {
            PrefixListId = list.PrefixListId ?? "",
            PrefixListName = list.PrefixListName,
            Entries = [.. entries.Select(e => new Model.PrefixListEntry { Cidr = e.Cidr ?? "", Description = e.Description })],
        };
    }

    /// <summary>The VPC is the DB subnet group's; the security groups are the instance's VPC security groups.</summary>
    public static Model.DbInstance ToDbInstance(DBInstance db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Model.DbInstance
        {
            DBInstanceIdentifier = db.DBInstanceIdentifier ?? "",
            DBClusterIdentifier = db.DBClusterIdentifier,
            DBInstanceStatus = db.DBInstanceStatus,
            VpcId = db.DBSubnetGroup?.VpcId,
            VpcSecurityGroupIds = [.. OrEmpty(db.VpcSecurityGroups).Select(g => g.VpcSecurityGroupId).OfType<string>()],
            TagList = [.. OrEmpty(db.TagList)],
        };
    }

    private static Model.Tag ToTag(Amazon.EC2.Model.Tag tag) => new() { Key = tag.Key ?? "", Value = tag.Value };

    private static IEnumerable<T> OrEmpty<T>(IEnumerable<T>? values) => values ?? [];
}
