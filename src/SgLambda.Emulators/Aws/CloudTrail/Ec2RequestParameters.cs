using System.Globalization;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.CloudTrail;

/// <summary>
/// The <c>requestParameters</c> CloudTrail records for EC2's long-standing actions. They keep EC2's own
/// (SOAP-era) names, not the Query parameter names: <c>SecurityGroupId.N</c> becomes <c>groupSet</c>,
/// <c>InstanceId.N</c> <c>instancesSet</c>, <c>PrivateIpAddresses.N</c> <c>privateIpAddressesSet</c>; lists are
/// <c>{"items": [...]}</c>, absent lists that EC2 always records are <c>{}</c>. Shapes follow recorded
/// events (AuthorizeSecurityGroupIngress, CreateSecurityGroup, RunInstances, TerminateInstances,
/// CreateNetworkInterface, ModifyNetworkInterfaceAttribute).
/// </summary>
internal static class Ec2RequestParameters
{
    public static JsonNode? CreateSecurityGroup(AwsQueryRequest r) => Json(new WireStruct()
        .Add("groupName", r.Get("GroupName"))
        .Add("groupDescription", r.Get("GroupDescription"))
        .Add("vpcId", r.Get("VpcId"))
        .Add("tagSpecificationSet", TagSpecifications(r)));

    public static JsonNode? DeleteSecurityGroup(AwsQueryRequest r) => Json(new WireStruct()
        .Add("groupId", r.Get("GroupId"))
        .Add("groupName", r.Get("GroupName")));

    /// <summary>Authorize/Revoke Ingress/Egress: the permissions, or the rule ids, or the legacy single rule.</summary>
    public static JsonNode? SecurityGroupPermissions(AwsQueryRequest r) => Json(new WireStruct()
        .Add("groupId", r.Get("GroupId"))
        .Add("groupName", r.Get("GroupName"))
        .Add("ipPermissions", new WireList(r.GetStructList("IpPermissions").Select(Permission)))
        .Add("securityGroupRuleIds", r.GetList("SecurityGroupRuleId") is { Count: > 0 } ids
            ? new WireList(ids.Select(id => new WireStruct().Add("securityGroupRuleId", id)))
            : null)
        .Add("ipProtocol", r.Get("IpProtocol"))
        .Add("fromPort", Number(r.Get("FromPort")))
        .Add("toPort", Number(r.Get("ToPort")))
        .Add("cidrIp", r.Get("CidrIp"))
        .Add("sourceSecurityGroupId", r.Get("SourceSecurityGroupId"))
        .Add("tagSpecificationSet", TagSpecifications(r)));

    public static JsonNode? RunInstances(AwsQueryRequest r) => Json(new WireStruct()
        .Add("instancesSet", new WireList([new WireStruct()
            .Add("imageId", r.Get("ImageId"))
            .Add("minCount", Number(r.Get("MinCount")))
            .Add("maxCount", Number(r.Get("MaxCount")))
            .Add("keyName", r.Get("KeyName"))]))
        .Add("groupSet", GroupSet(r, "SecurityGroupId", alwaysRecorded: false))
        .Add("instanceType", r.Get("InstanceType"))
        .Add("blockDeviceMapping", WireList.Empty)
        .Add("monitoring", new WireStruct().Add("enabled", Flag(r.Get("Monitoring.Enabled")) ?? WireValue.Of(false)))
        .Add("subnetId", r.Get("SubnetId"))
        .Add("privateIpAddress", r.Get("PrivateIpAddress"))
        .Add("disableApiTermination", Flag(r.Get("DisableApiTermination")) ?? WireValue.Of(false))
        .Add("disableApiStop", Flag(r.Get("DisableApiStop")) ?? WireValue.Of(false))
        .Add("clientToken", r.Get("ClientToken"))
        .Add("networkInterfaceSet", r.GetStructList("NetworkInterface") is { Count: > 0 } specs
            ? new WireList(specs.Select(s => new WireStruct()
                .Add("deviceIndex", Number(s.Get("DeviceIndex")))
                .Add("subnetId", s.Get("SubnetId"))
                .Add("description", s.Get("Description"))
                .Add("privateIpAddress", s.Get("PrivateIpAddress"))
                .Add("secondaryPrivateIpAddressCount", Number(s.Get("SecondaryPrivateIpAddressCount")))
                .Add("associatePublicIpAddress", Flag(s.Get("AssociatePublicIpAddress")))
                .Add("deleteOnTermination", Flag(s.Get("DeleteOnTermination")))
                .Add("groupSet", GroupSet(s, "SecurityGroupId", alwaysRecorded: false))))
            : null)
        .Add("tagSpecificationSet", TagSpecifications(r)));

    public static JsonNode? TerminateInstances(AwsQueryRequest r) => Json(new WireStruct()
        .Add("instancesSet", new WireList(r.GetList("InstanceId").Select(id => new WireStruct().Add("instanceId", id)))));

    public static JsonNode? CreateNetworkInterface(AwsQueryRequest r) => Json(new WireStruct()
        .Add("subnetId", r.Get("SubnetId"))
        .Add("description", r.Get("Description"))
        .Add("privateIpAddress", r.Get("PrivateIpAddress"))
        .Add("groupSet", GroupSet(r, "SecurityGroupId", alwaysRecorded: true))
        .Add("privateIpAddressesSet", new WireList(r.GetStructList("PrivateIpAddresses").Select(p => new WireStruct()
            .Add("privateIpAddress", p.Get("PrivateIpAddress"))
            .Add("primary", Flag(p.Get("Primary"))))))
        .Add("secondaryPrivateIpAddressCount", Number(r.Get("SecondaryPrivateIpAddressCount")))
        .Add("ipv6Addresses", r.GetStructList("Ipv6Addresses") is { Count: > 0 } ipv6
            ? new WireList(ipv6.Select(a => new WireStruct().Add("ipv6Address", a.Get("Ipv6Address"))))
            : null)
        .Add("interfaceType", r.Get("InterfaceType"))
        .Add("tagSpecificationSet", TagSpecifications(r))
        .Add("clientToken", r.Get("ClientToken")));

    public static JsonNode? DeleteNetworkInterface(AwsQueryRequest r) => Json(new WireStruct()
        .Add("networkInterfaceId", r.Get("NetworkInterfaceId")));

    public static JsonNode? AttachNetworkInterface(AwsQueryRequest r) => Json(new WireStruct()
        .Add("networkInterfaceId", r.Get("NetworkInterfaceId"))
        .Add("instanceId", r.Get("InstanceId"))
        .Add("deviceIndex", Number(r.Get("DeviceIndex")))
        .Add("networkCardIndex", Number(r.Get("NetworkCardIndex"))));

    public static JsonNode? DetachNetworkInterface(AwsQueryRequest r) => Json(new WireStruct()
        .Add("attachmentId", r.Get("AttachmentId"))
        .Add("force", Flag(r.Get("Force"))));

    public static JsonNode? ModifyNetworkInterfaceAttribute(AwsQueryRequest r) => Json(new WireStruct()
        .Add("networkInterfaceId", r.Get("NetworkInterfaceId"))
        .Add("groupSet", GroupSet(r, "SecurityGroupId", alwaysRecorded: false))
        .Add("description", r.Get("Description.Value") is { } description ? new WireStruct().Add("value", description) : null)
        .Add("sourceDestCheck", Flag(r.Get("SourceDestCheck.Value")) is { } check ? new WireStruct().Add("value", check) : null));

    public static JsonNode? AssignPrivateIpAddresses(AwsQueryRequest r) => Json(new WireStruct()
        .Add("networkInterfaceId", r.Get("NetworkInterfaceId"))
        .Add("privateIpAddressesSet", new WireList(r.GetList("PrivateIpAddress").Select(a => new WireStruct().Add("privateIpAddress", a))))
        .Add("secondaryPrivateIpAddressCount", Number(r.Get("SecondaryPrivateIpAddressCount")))
        .Add("allowReassignment", Flag(r.Get("AllowReassignment")))
        .Add("ipv4Prefixes", WireList.Empty));

    private static JsonNode? Json(WireStruct parameters) => CloudTrailJson.Ec2(parameters);

    private static WireStruct Permission(AwsQueryRequest p) => new WireStruct()
        .Add("ipProtocol", p.Get("IpProtocol"))
        .Add("fromPort", Number(p.Get("FromPort")))
        .Add("toPort", Number(p.Get("ToPort")))
        .Add("groups", new WireList(p.GetStructList("Groups").Select(g => new WireStruct()
            .Add("groupId", g.Get("GroupId"))
            .Add("userId", g.Get("UserId"))
            .Add("description", g.Get("Description")))))
        .Add("ipRanges", new WireList(p.GetStructList("IpRanges").Select(g => new WireStruct()
            .Add("cidrIp", g.Get("CidrIp"))
            .Add("description", g.Get("Description")))))
        .Add("ipv6Ranges", new WireList(p.GetStructList("Ipv6Ranges").Select(g => new WireStruct()
            .Add("cidrIpv6", g.Get("CidrIpv6"))
            .Add("description", g.Get("Description")))))
        .Add("prefixListIds", new WireList(p.GetStructList("PrefixListIds").Select(g => new WireStruct()
            .Add("prefixListId", g.Get("PrefixListId"))
            .Add("description", g.Get("Description")))));

    private static WireList? GroupSet(AwsQueryRequest r, string prefix, bool alwaysRecorded)
    {
        var ids = r.GetList(prefix);
        return ids.Count == 0 && !alwaysRecorded ? null : new WireList(ids.Select(id => new WireStruct().Add("groupId", id)));
    }

    private static WireList? TagSpecifications(AwsQueryRequest r)
    {
        var specs = r.GetStructList("TagSpecification");
        return specs.Count == 0
            ? null
            : new WireList(specs.Select(s => new WireStruct()
                .Add("resourceType", s.Get("ResourceType"))
                .Add("tags", new WireList(s.GetStructList("Tag").Select(t => new WireStruct()
                    .Add("key", t.Get("Key"))
                    .Add("value", t.Get("Value"))), cloudTrailEnvelope: ""))));
    }

    private static WireValue? Number(string? text) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? WireValue.Of(n)
        : WireValue.Of(text);

    private static WireValue? Flag(string? text) =>
        text is null ? null
        : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? WireValue.Of(true)
        : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? WireValue.Of(false)
        : WireValue.Of(text);
}
