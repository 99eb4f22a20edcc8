using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>Network interface actions of the EC2 Query API.</summary>
internal static class NetworkInterfaceActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("DescribeNetworkInterfaces", AwsService.Ec2, DescribeNetworkInterfaces),
        new("CreateNetworkInterface", AwsService.Ec2, CreateNetworkInterface, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.CreateNetworkInterface),
        new("DeleteNetworkInterface", AwsService.Ec2, DeleteNetworkInterface, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.DeleteNetworkInterface),
        new("AttachNetworkInterface", AwsService.Ec2, AttachNetworkInterface, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.AttachNetworkInterface),
        new("DetachNetworkInterface", AwsService.Ec2, DetachNetworkInterface, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.DetachNetworkInterface),
        new("ModifyNetworkInterfaceAttribute", AwsService.Ec2, ModifyNetworkInterfaceAttribute, true, CloudTrailStyle.Ec2Classic,
            Ec2RequestParameters.ModifyNetworkInterfaceAttribute),
        new("AssignPrivateIpAddresses", AwsService.Ec2, AssignPrivateIpAddresses, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.AssignPrivateIpAddresses),
    ];

    private static ActionOutcome DescribeNetworkInterfaces(ActionContext context)
    {
        var (request, account) = context;
        var all = account.NetworkInterfaces;
        var ids = request.GetList("NetworkInterfaceId");
        if (ids.Count > 0 && request.Has("MaxResults"))
            throw Ec2Errors.InvalidParameterCombination("The parameter NetworkInterfaceIds cannot be used with the parameter MaxResults");
        foreach (var id in ids)
        {
            if (!all.Any(e => string.Equals(e.NetworkInterfaceId, id, StringComparison.Ordinal))) throw Ec2Errors.NetworkInterfaceNotFound(id);
        }
        var selected = all.Where(e => ids.Count == 0 || ids.Contains(e.NetworkInterfaceId, StringComparer.Ordinal));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<Ec2NetworkInterface, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["network-interface-id"] = e => Filtering.One(e.NetworkInterfaceId),
            ["vpc-id"] = e => Filtering.One(e.VpcId),
            ["subnet-id"] = e => Filtering.One(e.SubnetId),
            ["availability-zone"] = e => Filtering.One(e.AvailabilityZone),
            ["attachment.instance-id"] = e => Filtering.One(e.Attachment?.InstanceId),
            ["attachment.instance-owner-id"] = e => Filtering.One(e.Attachment?.InstanceOwnerId),
            ["attachment.attachment-id"] = e => Filtering.One(e.Attachment?.AttachmentId),
            ["attachment.device-index"] = e => Filtering.One(e.Attachment?.DeviceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["attachment.status"] = e => Filtering.One(e.Attachment?.Status),
            ["group-id"] = e => e.GroupIds,
            ["group-name"] = e => e.GroupIds.Select(account.GroupName),
            ["requester-id"] = e => Filtering.One(e.RequesterId),
            ["requester-managed"] = e => Filtering.Flag(e.RequesterManaged),
            ["description"] = e => Filtering.One(e.Description),
            ["interface-type"] = e => Filtering.One(e.InterfaceType),
            ["status"] = e => Filtering.One(e.Status),
            ["owner-id"] = e => Filtering.One(e.OwnerId),
            ["mac-address"] = e => Filtering.One(e.MacAddress),
            ["private-ip-address"] = e => e.PrivateIps.Select(ip => ip.Address),
            ["addresses.private-ip-address"] = e => e.PrivateIps.Select(ip => ip.Address),
            ["addresses.primary"] = e => e.PrivateIps.Select(ip => ip.Primary ? "true" : "false"),
            ["ipv6-addresses.ipv6-address"] = e => e.Ipv6Addresses,
            ["source-dest-check"] = e => Filtering.Flag(e.SourceDestCheck),
        }, e => e.Tags);
        var (page, next) = Paging.Apply(filtered, e => e.NetworkInterfaceId, request, 5, 1000);
        return new ActionOutcome(new WireStruct()
            .Add("networkInterfaceSet", new WireList(page.Select(e => Ec2Shapes.NetworkInterface(account, e))))
            .Add("nextToken", next));
    }

    private static ActionOutcome CreateNetworkInterface(ActionContext context)
    {
        var (request, account) = context;
        var subnet = account.GetSubnet(request.Required("SubnetId"));
        var chosen = request.GetStructList("PrivateIpAddresses")
            .OrderByDescending(p => string.Equals(p.Get("Primary"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Required("PrivateIpAddress"))
            .ToList();
        if (request.Get("PrivateIpAddress") is { } single) chosen.Insert(0, single);
        var eni = account.CreateNetworkInterface(
            subnet,
            request.Get("Description") ?? "",
            request.GetList("SecurityGroupId"),
            chosen,
            request.GetInt("SecondaryPrivateIpAddressCount") ?? 0,
            [.. request.GetStructList("Ipv6Addresses").Select(a => a.Required("Ipv6Address"))],
            QueryParsers.Tags(request, "network-interface"));
        if (request.Get("InterfaceType") is { } type)
        {
            if (type is not ("efa" or "efa-only" or "trunk" or "interface"))
                throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter interfaceType is invalid.");
            account.SetInterfaceType(eni.NetworkInterfaceId, type);
            eni = account.GetNetworkInterface(eni.NetworkInterfaceId);
        }
        return new ActionOutcome(new WireStruct()
            .Add("networkInterface", Ec2Shapes.NetworkInterface(account, eni, status: "pending"))
            .Add("clientToken", request.Get("ClientToken")));
    }

    private static ActionOutcome DeleteNetworkInterface(ActionContext context)
    {
        var (request, account) = context;
        account.DeleteNetworkInterface(request.Required("NetworkInterfaceId"));
        return new ActionOutcome(new WireStruct().Add("return", true));
    }

    private static ActionOutcome AttachNetworkInterface(ActionContext context)
    {
        var (request, account) = context;
        var attachment = account.Attach(
            request.Required("NetworkInterfaceId"),
            request.Required("InstanceId"),
            request.GetInt("DeviceIndex") ?? throw Ec2Errors.MissingParameter("DeviceIndex"),
            request.GetInt("NetworkCardIndex") ?? 0);
        return new ActionOutcome(new WireStruct()
            .Add("attachmentId", attachment.AttachmentId)
            .Add("networkCardIndex", attachment.NetworkCardIndex));
    }

    private static ActionOutcome DetachNetworkInterface(ActionContext context)
    {
        var (request, account) = context;
        account.Detach(request.Required("AttachmentId"));
        return new ActionOutcome(new WireStruct().Add("return", true));
    }

    /// <summary>One attribute per call, as EC2 requires: groups, description or source/dest check.</summary>
    private static ActionOutcome ModifyNetworkInterfaceAttribute(ActionContext context)
    {
        var (request, account) = context;
        var id = request.Required("NetworkInterfaceId");
        var groupIds = request.GetList("SecurityGroupId");
        var description = request.Get("Description.Value");
        var sourceDestCheck = request.GetBool("SourceDestCheck.Value");
        var attributes = (groupIds.Count > 0 ? 1 : 0) + (description is null ? 0 : 1) + (sourceDestCheck is null ? 0 : 1);
        if (attributes == 0) throw Ec2Errors.MissingParameter("SecurityGroupId, Description or SourceDestCheck");
        if (attributes > 1) throw Ec2Errors.InvalidParameterCombination("Fields for multiple attribute types specified: only one attribute can be modified at a time");
        if (groupIds.Count > 0) account.SetGroups(id, groupIds);
        if (description is not null) account.SetDescription(id, description);
        if (sourceDestCheck is { } check) account.SetSourceDestCheck(id, check);
        return new ActionOutcome(new WireStruct().Add("return", true));
    }

    private static ActionOutcome AssignPrivateIpAddresses(ActionContext context)
    {
        var (request, account) = context;
        var id = request.Required("NetworkInterfaceId");
        var added = account.AssignPrivateIps(id, request.GetList("PrivateIpAddress"), request.GetInt("SecondaryPrivateIpAddressCount") ?? 0);
        return new ActionOutcome(new WireStruct()
            .Add("networkInterfaceId", id)
            .Add("assignedPrivateIpAddressesSet", new WireList(
                added.Select(a => new WireStruct().Add("privateIpAddress", a)),
                cloudTrailEnvelope: "assignedPrivateIpAddressSetType"))
            .Add("return", true));
    }
}
