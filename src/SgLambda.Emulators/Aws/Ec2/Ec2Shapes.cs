using SgLambda.Core.Aws;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>
/// EC2's response shapes as documents, with the element names of the EC2 API reference (the same names
/// AWSSDK.EC2's unmarshallers read): <c>securityGroupInfo</c>, <c>ipPermissionsEgress</c>, <c>groupSet</c>,
/// <c>privateIpAddressesSet</c>, ... CloudTrail's EC2 records reuse them.
/// </summary>
internal static class Ec2Shapes
{
    public static WireStruct SecurityGroup(Ec2Account account, Ec2SecurityGroup group) => new WireStruct()
        .Add("ownerId", group.OwnerId)
        .Add("groupId", group.GroupId)
        .Add("groupName", group.GroupName)
        .Add("groupDescription", group.Description)
        .Add("vpcId", group.VpcId)
        .Add("ipPermissions", Permissions(PermissionGrouping.Group(group.Ingress, account.GroupName)))
        .Add("ipPermissionsEgress", Permissions(PermissionGrouping.Group(group.Egress, account.GroupName)))
        .Add("tagSet", TagsOrNull(group.Tags))
        .Add("securityGroupArn", Arn(account, "security-group", group.GroupId));

    public static WireList Permissions(IEnumerable<IpPermission> permissions) => new(permissions.Select(Permission));

    public static WireStruct Permission(IpPermission permission) => new WireStruct()
        .Add("ipProtocol", permission.IpProtocol)
        .Add("fromPort", permission.FromPort)
        .Add("toPort", permission.ToPort)
        .Add("groups", new WireList(permission.UserIdGroupPairs.Select(p => new WireStruct()
            .Add("userId", p.UserId)
            .Add("groupId", p.GroupId)
            .Add("description", p.Description))))
        .Add("ipRanges", new WireList(permission.IpRanges.Select(r => new WireStruct()
            .Add("cidrIp", r.CidrIp)
            .Add("description", r.Description))))
        .Add("ipv6Ranges", new WireList(permission.Ipv6Ranges.Select(r => new WireStruct()
            .Add("cidrIpv6", r.CidrIpv6)
            .Add("description", r.Description))))
        .Add("prefixListIds", new WireList(permission.PrefixListIds.Select(p => new WireStruct()
            .Add("prefixListId", p.Id)
            .Add("description", p.Description))));

    /// <summary>A rule as DescribeSecurityGroupRules and Authorize* return it.</summary>
    public static WireStruct Rule(Ec2Account account, SecurityGroupRule rule, string ownerId) => new WireStruct()
        .Add("groupOwnerId", ownerId)
        .Add("groupId", rule.GroupId)
        .Add("securityGroupRuleId", rule.SecurityGroupRuleId)
        .Add("isEgress", rule.IsEgress)
        .Add("ipProtocol", rule.IpProtocol)
        .Add("fromPort", rule.FromPort)
        .Add("toPort", rule.ToPort)
        .Add("cidrIpv4", rule.CidrIpv4)
        .Add("cidrIpv6", rule.CidrIpv6)
        .Add("prefixListId", rule.PrefixListId)
        .Add("referencedGroupInfo", rule.ReferencedGroupInfo is { } referenced
            ? new WireStruct().Add("groupId", referenced.GroupId).Add("userId", referenced.UserId)
            : null)
        .Add("description", rule.Description)
        .Add("tagSet", Tags(account.RuleTags(rule)));

    /// <summary>A rule as Revoke* return it (revokedSecurityGroupRuleSet).</summary>
    public static WireStruct RevokedRule(SecurityGroupRule rule) => new WireStruct()
        .Add("securityGroupRuleId", rule.SecurityGroupRuleId)
        .Add("groupId", rule.GroupId)
        .Add("isEgress", rule.IsEgress)
        .Add("ipProtocol", rule.IpProtocol)
        .Add("fromPort", rule.FromPort)
        .Add("toPort", rule.ToPort)
        .Add("cidrIpv4", rule.CidrIpv4)
        .Add("cidrIpv6", rule.CidrIpv6)
        .Add("prefixListId", rule.PrefixListId)
        .Add("referencedGroupId", rule.ReferencedGroupInfo?.GroupId)
        .Add("description", rule.Description);

    /// <summary>An ENI as DescribeNetworkInterfaces and CreateNetworkInterface return it.</summary>
    public static WireStruct NetworkInterface(Ec2Account account, Ec2NetworkInterface eni, string? status = null) => new WireStruct()
        .Add("networkInterfaceId", eni.NetworkInterfaceId)
        .Add("subnetId", eni.SubnetId)
        .Add("vpcId", eni.VpcId)
        .Add("availabilityZone", eni.AvailabilityZone)
        .Add("description", eni.Description)
        .Add("ownerId", eni.OwnerId)
        .Add("requesterId", eni.RequesterId)
        .Add("requesterManaged", eni.RequesterManaged)
        .Add("status", status ?? eni.Status)
        .Add("macAddress", eni.MacAddress)
        .Add("privateIpAddress", eni.PrimaryPrivateIp)
        .Add("privateDnsName", eni.PrimaryPrivateIp is { } primary ? account.PrivateDnsName(primary) : null)
        .Add("sourceDestCheck", eni.SourceDestCheck)
        .Add("groupSet", GroupSet(account, eni.GroupIds))
        .Add("attachment", eni.Attachment is { } a
            ? new WireStruct()
                .Add("attachmentId", a.AttachmentId)
                .Add("instanceId", a.InstanceId)
                .Add("instanceOwnerId", a.InstanceOwnerId)
                .Add("deviceIndex", a.DeviceIndex)
                .Add("networkCardIndex", a.NetworkCardIndex)
                .Add("status", a.Status)
                .Add("attachTime", a.AttachTime)
                .Add("deleteOnTermination", a.DeleteOnTermination)
            : null)
        .Add("tagSet", Tags(eni.Tags))
        .Add("privateIpAddressesSet", PrivateIps(account, eni))
        .Add("ipv6AddressesSet", Ipv6Addresses(eni))
        .Add("interfaceType", eni.InterfaceType);

    /// <summary>An ENI as an instance lists it (networkInterfaceSet of DescribeInstances and RunInstances).</summary>
    public static WireStruct InstanceNetworkInterface(Ec2Account account, Ec2NetworkInterface eni) => new WireStruct()
        .Add("networkInterfaceId", eni.NetworkInterfaceId)
        .Add("subnetId", eni.SubnetId)
        .Add("vpcId", eni.VpcId)
        .Add("description", eni.Description)
        .Add("ownerId", eni.OwnerId)
        .Add("status", eni.Status)
        .Add("macAddress", eni.MacAddress)
        .Add("privateIpAddress", eni.PrimaryPrivateIp)
        .Add("privateDnsName", eni.PrimaryPrivateIp is { } primary ? account.PrivateDnsName(primary) : null)
        .Add("sourceDestCheck", eni.SourceDestCheck)
        .Add("interfaceType", eni.InterfaceType)
        .Add("groupSet", GroupSet(account, eni.GroupIds))
        .Add("attachment", eni.Attachment is { } a
            ? new WireStruct()
                .Add("attachmentId", a.AttachmentId)
                .Add("deviceIndex", a.DeviceIndex)
                .Add("networkCardIndex", a.NetworkCardIndex)
                .Add("status", a.Status)
                .Add("attachTime", a.AttachTime)
                .Add("deleteOnTermination", a.DeleteOnTermination)
            : null)
        .Add("privateIpAddressesSet", PrivateIps(account, eni))
        .Add("ipv6AddressesSet", Ipv6Addresses(eni))
        .Add("tagSet", Tags([]));

    public static WireStruct Instance(Ec2Account account, Ec2Instance instance, IReadOnlyList<Ec2NetworkInterface> interfaces)
    {
        var primary = interfaces.FirstOrDefault(e => e.Attachment is { DeviceIndex: 0, NetworkCardIndex: 0 });
        var running = instance.State != InstanceStates.Terminated;
        return new WireStruct()
            .Add("instanceId", instance.InstanceId)
            .Add("imageId", instance.ImageId)
            .Add("instanceState", State(instance.State))
            .Add("privateDnsName", running && instance.PrivateIpAddress is { } ip ? account.PrivateDnsName(ip) : "")
            .Add("dnsName", "")
            .Add("reason", instance.State == InstanceStates.Terminated ? "User initiated" : "")
            .Add("keyName", instance.KeyName)
            .Add("amiLaunchIndex", 0)
            .Add("productCodes", WireList.Empty)
            .Add("instanceType", instance.InstanceType)
            .Add("launchTime", instance.LaunchTime)
            .Add("placement", new WireStruct()
                .Add("availabilityZone", instance.AvailabilityZone)
                .Add("tenancy", "default"))
            .Add("monitoring", new WireStruct().Add("state", "disabled"))
            .Add("subnetId", running ? instance.SubnetId : null)
            .Add("vpcId", running ? instance.VpcId : null)
            .Add("privateIpAddress", running ? instance.PrivateIpAddress : null)
            .Add("sourceDestCheck", running ? primary?.SourceDestCheck ?? true : null)
            .Add("groupSet", GroupSet(account, primary?.GroupIds ?? []))
            .Add("stateReason", StateReason(instance.State))
            .Add("architecture", "x86_64")
            .Add("rootDeviceType", "ebs")
            .Add("rootDeviceName", "/dev/xvda")
            .Add("blockDeviceMapping", WireList.Empty)
            .Add("virtualizationType", "hvm")
            .Add("clientToken", instance.ClientToken)
            .Add("tagSet", TagsOrNull(instance.Tags))
            .Add("hypervisor", "xen")
            .Add("networkInterfaceSet", new WireList(interfaces.Select(e => InstanceNetworkInterface(account, e))))
            .Add("ebsOptimized", false)
            .Add("enaSupport", true);
    }

    public static WireStruct Reservation(Ec2Account account, string reservationId, IEnumerable<Ec2Instance> instances) => new WireStruct()
        .Add("reservationId", reservationId)
        .Add("ownerId", account.AccountId)
        .Add("groupSet", WireList.Empty)
        .Add("instancesSet", new WireList(instances.Select(i => Instance(account, i, account.InterfacesOf(i.InstanceId)))));

    public static WireStruct StateChange(InstanceStateChange change) => new WireStruct()
        .Add("instanceId", change.InstanceId)
        .Add("currentState", State(change.CurrentState))
        .Add("previousState", State(change.PreviousState));

    public static WireStruct Vpc(Ec2Vpc vpc) => new WireStruct()
        .Add("vpcId", vpc.VpcId)
        .Add("ownerId", vpc.OwnerId)
        .Add("state", "available")
        .Add("cidrBlock", vpc.CidrBlock)
        .Add("cidrBlockAssociationSet", new WireList([new WireStruct()
            .Add("cidrBlock", vpc.CidrBlock)
            .Add("associationId", vpc.CidrBlockAssociationId)
            .Add("cidrBlockState", new WireStruct().Add("state", "associated"))]))
        .Add("instanceTenancy", "default")
        .Add("isDefault", false)
        .Add("tagSet", TagsOrNull(vpc.Tags));

    public static WireStruct PrefixList(Ec2Account account, Ec2PrefixList list, string? state = null) => new WireStruct()
        .Add("prefixListId", list.PrefixListId)
        .Add("addressFamily", list.AddressFamily)
        .Add("state", state ?? list.State)
        .Add("prefixListArn", Arn(account, "prefix-list", list.PrefixListId))
        .Add("prefixListName", list.PrefixListName)
        .Add("maxEntries", list.MaxEntries)
        .Add("version", list.Version)
        .Add("tagSet", TagsOrNull(list.Tags))
        .Add("ownerId", list.OwnerId);

    public static WireStruct PrefixListEntry(PrefixListEntry entry) => new WireStruct()
        .Add("cidr", entry.Cidr)
        .Add("description", entry.Description);

    public static WireList Tags(IEnumerable<Tag> tags) =>
        new(tags.Select(t => new WireStruct().Add("key", t.Key).Add("value", t.Value ?? "")));

    private static WireList? TagsOrNull(IReadOnlyList<Tag> tags) => tags.Count == 0 ? null : Tags(tags);

    private static WireList GroupSet(Ec2Account account, IEnumerable<string> groupIds) =>
        new(groupIds.Select(id => new WireStruct().Add("groupId", id).Add("groupName", account.GroupName(id))));

    /// <summary>CloudTrail keeps <c>{"item": [...]}</c> (not "items") for an ENI's private addresses.</summary>
    private static WireList PrivateIps(Ec2Account account, Ec2NetworkInterface eni) =>
        new(eni.PrivateIps.Select(ip => new WireStruct()
            .Add("privateIpAddress", ip.Address)
            .Add("privateDnsName", account.PrivateDnsName(ip.Address))
            .Add("primary", ip.Primary)), cloudTrailEnvelope: "item");

    private static WireList Ipv6Addresses(Ec2NetworkInterface eni) =>
        new(eni.Ipv6Addresses.Select(a => new WireStruct().Add("ipv6Address", a).Add("isPrimaryIpv6", false)));

    private static WireStruct State(string state) => new WireStruct()
        .Add("code", InstanceStates.Code(state))
        .Add("name", state);

    private static WireStruct? StateReason(string state) => state switch
    {
        InstanceStates.Pending => new WireStruct().Add("code", "pending").Add("message", "pending"),
        InstanceStates.Terminated => new WireStruct()
            .Add("code", "Client.UserInitiatedShutdown")
            .Add("message", "Client.UserInitiatedShutdown: User initiated shutdown"),
        _ => null,
    };

    private static string Arn(Ec2Account account, string resourceType, string id) =>
        $"arn:aws:ec2:{account.Region}:{account.AccountId}:{resourceType}/{id}";
}
