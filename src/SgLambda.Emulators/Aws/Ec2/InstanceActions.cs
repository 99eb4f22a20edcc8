using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.CloudTrail;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.Ec2;

/// <summary>Instance actions of the EC2 Query API.</summary>
internal static class InstanceActions
{
    public static IEnumerable<ActionDefinition> All =>
    [
        new("DescribeInstances", AwsService.Ec2, DescribeInstances),
        new("RunInstances", AwsService.Ec2, RunInstances, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.RunInstances),
        new("TerminateInstances", AwsService.Ec2, TerminateInstances, true, CloudTrailStyle.Ec2Classic, Ec2RequestParameters.TerminateInstances),
    ];

    private static ActionOutcome DescribeInstances(ActionContext context)
    {
        var (request, account) = context;
        var all = account.Instances;
        var ids = request.GetList("InstanceId");
        if (ids.Count > 0 && request.Has("MaxResults"))
            throw Ec2Errors.InvalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        var missing = ids.Where(id => !all.Any(i => string.Equals(i.InstanceId, id, StringComparison.Ordinal))).ToList();
        if (missing.Count > 0) throw Ec2Errors.InstanceNotFound(missing);
        var selected = all.Where(i => ids.Count == 0 || ids.Contains(i.InstanceId, StringComparer.Ordinal));
        var filtered = Filtering.Apply(selected, request.GetFilters(), new Dictionary<string, Func<Ec2Instance, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["instance-id"] = i => Filtering.One(i.InstanceId),
            ["reservation-id"] = i => Filtering.One(i.ReservationId),
            ["instance-state-name"] = i => Filtering.One(i.State),
            ["instance-type"] = i => Filtering.One(i.InstanceType),
            ["image-id"] = i => Filtering.One(i.ImageId),
            ["vpc-id"] = i => Filtering.One(i.State == InstanceStates.Terminated ? null : i.VpcId),
            ["subnet-id"] = i => Filtering.One(i.State == InstanceStates.Terminated ? null : i.SubnetId),
            ["availability-zone"] = i => Filtering.One(i.AvailabilityZone),
            ["private-ip-address"] = i => Filtering.One(i.State == InstanceStates.Terminated ? null : i.PrivateIpAddress),
            ["network-interface.network-interface-id"] = i => account.InterfacesOf(i.InstanceId).Select(e => e.NetworkInterfaceId),
            ["instance.group-id"] = i => account.InterfacesOf(i.InstanceId).SelectMany(e => e.GroupIds),
            ["group-id"] = i => account.InterfacesOf(i.InstanceId).SelectMany(e => e.GroupIds),
        }, i => i.Tags);
        var (page, next) = Paging.Apply(filtered, i => i.InstanceId, request, 5, 1000);
        var reservations = page.GroupBy(i => i.ReservationId).Select(r => Ec2Shapes.Reservation(account, r.Key, r));
        return new ActionOutcome(new WireStruct()
            .Add("reservationSet", new WireList(reservations))
            .Add("nextToken", next));
    }

    /// <summary>
    /// Launches the instances (answering with them pending, as EC2 does), then makes them running; EC2
    /// announces both states with EC2 Instance State-change Notification events.
    /// </summary>
    private static ActionOutcome RunInstances(ActionContext context)
    {
        var (request, account) = context;
        var imageId = request.Required("ImageId");
        var minCount = request.GetInt("MinCount") ?? throw Ec2Errors.MissingParameter("MinCount");
        var maxCount = request.GetInt("MaxCount") ?? throw Ec2Errors.MissingParameter("MaxCount");
        if (minCount < 1 || maxCount < minCount)
            throw Ec2Errors.InvalidParameterValue($"Invalid MinCount ({minCount}) and MaxCount ({maxCount})");
        var primarySpec = request.GetStructList("NetworkInterface").FirstOrDefault(s => s.GetInt("DeviceIndex") is null or 0);
        var subnetId = primarySpec?.Get("SubnetId") ?? request.Get("SubnetId");
        var subnet = subnetId is not null
            ? account.GetSubnet(subnetId)
            : account.Subnets is [var first, ..] ? first : throw new AwsApiException("VPCIdNotSpecified", "No default VPC for this user");
        var groupIds = primarySpec?.GetList("SecurityGroupId") is { Count: > 0 } specGroups ? specGroups : request.GetList("SecurityGroupId");
        var groupNames = request.GetList("SecurityGroup");
        var groupsByName = groupNames.Select(name => account.SecurityGroups
            .FirstOrDefault(g => string.Equals(g.GroupName, name, StringComparison.Ordinal) && string.Equals(g.VpcId, subnet.VpcId, StringComparison.Ordinal))
            ?.GroupId ?? throw Ec2Errors.GroupNotFound(name));
        var launched = account.Launch(new LaunchSpec(imageId, request.Get("InstanceType") ?? "m1.small", maxCount, subnet)
        {
            GroupIds = [.. groupIds.Concat(groupsByName)],
            PrivateIpAddress = primarySpec?.Get("PrivateIpAddress") ?? request.Get("PrivateIpAddress"),
            SecondaryPrivateIpAddressCount = primarySpec?.GetInt("SecondaryPrivateIpAddressCount") ?? 0,
            PrimaryInterfaceDescription = primarySpec?.Get("Description") ?? "",
            KeyName = request.Get("KeyName"),
            ClientToken = request.Get("ClientToken"),
            InstanceTags = QueryParsers.Tags(request, "instance"),
            NetworkInterfaceTags = QueryParsers.Tags(request, "network-interface"),
        });
        var response = Ec2Shapes.Reservation(account, launched[0].ReservationId, launched);
        account.CompleteLaunch([.. launched.Select(i => i.InstanceId)]);
        return new ActionOutcome(response)
        {
            InstanceStateChanges = [.. launched.Select(i => (i.InstanceId, InstanceStates.Pending)),
                .. launched.Select(i => (i.InstanceId, InstanceStates.Running))],
        };
    }

    private static ActionOutcome TerminateInstances(ActionContext context)
    {
        var (request, account) = context;
        var ids = request.GetList("InstanceId");
        if (ids.Count == 0) throw Ec2Errors.MissingParameter("InstanceId");
        var changes = account.Terminate(ids);
        var terminated = changes.Where(c => c.PreviousState != InstanceStates.Terminated).Select(c => c.InstanceId).ToList();
        return new ActionOutcome(new WireStruct().Add("instancesSet", new WireList(changes.Select(Ec2Shapes.StateChange))))
        {
            InstanceStateChanges = [.. terminated.Select(id => (id, InstanceStates.ShuttingDown)),
                .. terminated.Select(id => (id, InstanceStates.Terminated))],
        };
    }
}
